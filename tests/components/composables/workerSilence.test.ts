// A worker's silence, on fake timers: it counts only while a call is outstanding, the worker's
// heartbeat keeps a long call alive, start-up gets twice the limit, and the limit grows with the
// slowest step the worker reported (a single long step must not count as a failure).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectWorker, WorkerFailure } from '../../../components/composables/trainingConnection';
import { SilenceWatch, silenceLimit } from '../../../components/composables/workerSilence';

/** A Worker look-alike that answers nothing; `say` posts a heartbeat as the real one does. */
class QuietWorker extends EventTarget {
  terminated = 0;
  postMessage(): void {}
  terminate(): void {
    this.terminated += 1;
  }
  say(): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data: { heartbeat: true } }));
  }
}

/** Whether `promise` has settled, checked without waiting. */
function tracker(promise: Promise<unknown>) {
  const state = { settled: false, error: null as unknown };
  promise.then(
    () => (state.settled = true),
    (error) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('silence limit', () => {
  it('is twice the limit at start-up, six times before a measured step, then three slowest steps', () => {
    expect(silenceLimit(5_000, false, null)).toBe(10_000);
    expect(silenceLimit(5_000, true, null)).toBe(30_000);
    expect(silenceLimit(5_000, true, 20)).toBe(5_000);
    expect(silenceLimit(5_000, true, 4_000)).toBe(12_000);
  });

  it('counts only while a call is outstanding, from the later of the call and the last message', () => {
    let now = 0;
    const watch = new SilenceWatch(1_000, () => now);
    watch.message();
    watch.task(10);
    now = 60_000; // idle for a minute: no call, no failure
    expect(watch.overdue()).toBeNull();
    watch.begin();
    now += 900;
    expect(watch.overdue()).toBeNull();
    now += 200;
    expect(watch.overdue()).toBe(1_000);
    watch.message();
    expect(watch.overdue()).toBeNull();
    watch.end();
    now += 5_000;
    expect(watch.overdue()).toBeNull();
  });
});

describe('a worker connection', () => {
  beforeEach(() =>
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    }),
  );
  afterEach(() => vi.useRealTimers());

  it('fails a start-up that stays silent, within twice the limit', async () => {
    const worker = new QuietWorker();
    const connection = await connectWorker<'sphere'>(() => worker as unknown as Worker, 2_000);
    const init = tracker(connection.api.init(null));
    await vi.advanceTimersByTimeAsync(3_900);
    expect(init.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    expect(init.error).toBeInstanceOf(WorkerFailure);
    expect(String(init.error)).toMatch(/did not answer within 4 s/);
    await expect(connection.failed).rejects.toBeInstanceOf(WorkerFailure);
    connection.close();
  });

  it('keeps a call alive while the heartbeat goes on, and fails it once the heartbeat stops', async () => {
    const worker = new QuietWorker();
    const connection = await connectWorker<'sphere'>(() => worker as unknown as Worker, 1_000);
    const run = tracker(connection.api.run(1, true));
    const beats = setInterval(() => worker.say(), 1_000);
    worker.say();
    await vi.advanceTimersByTimeAsync(60_000); // a minute-long call, heard every second
    expect(run.settled).toBe(false);
    clearInterval(beats); // as after self.close(): no error event, just silence
    // No step measured yet: six times the limit.
    await vi.advanceTimersByTimeAsync(5_900);
    expect(run.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(String(run.error)).toMatch(/did not answer within 6 s/);
    connection.close();
    expect(worker.terminated).toBe(1);
  });
});
