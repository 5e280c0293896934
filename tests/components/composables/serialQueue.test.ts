// The queue that keeps a training host's commands from overlapping.
import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../../components/composables/serialQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('SerialQueue', () => {
  it('runs jobs one after another, in order, never two at once', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue.run(job('a')), queue.run(job('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('gives a failure to its own job only', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(async () => {
      throw new Error('bad parameter');
    });
    const next = queue.run(async () => 'still runs');
    await expect(failing).rejects.toThrow('bad parameter');
    await expect(next).resolves.toBe('still runs');
  });

  it('calls `after` once the jobs queued before it settled, before later ones', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    void queue.run(async () => {
      await tick();
      log.push('first');
    });
    queue.after(() => log.push('after'));
    await queue.run(async () => log.push('second'));
    expect(log).toEqual(['first', 'after', 'second']);
  });
});
