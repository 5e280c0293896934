// When a training worker's silence means it is gone. A worker posts a heartbeat every second
// (src/worker/protocol.ts) and answers calls, but only between the tasks it runs: a training step
// cannot be interrupted. So silence counts only while a call is outstanding, and the limit grows
// with the longest task the worker has reported (RunResult.longestTaskMs): three times it, and
// never less than `silentMs`. Before the worker's first message (start-up) the limit is twice
// `silentMs`; before it has measured a task, six times (its first snapshot may be slow).

/** How long a silence may last while a call is outstanding, in milliseconds. */
export function silenceLimit(
  silentMs: number,
  heard: boolean,
  longestTaskMs: number | null,
): number {
  if (!heard) return 2 * silentMs;
  if (longestTaskMs === null) return 6 * silentMs;
  return Math.max(silentMs, 3 * longestTaskMs);
}

/** Tracks one worker's messages and outstanding calls. */
export class SilenceWatch {
  private outstanding = 0;
  private lastHeard = 0;
  private heard = false;
  private longest: number | null = null;

  constructor(
    private readonly silentMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The worker posted something. */
  message(): void {
    this.heard = true;
    this.lastHeard = this.now();
  }

  /** The worker reported a task of `ms` milliseconds. */
  task(ms: number): void {
    if (Number.isFinite(ms)) this.longest = Math.max(this.longest ?? 0, ms);
  }

  /** A call went out; silence counts from now if none was outstanding. */
  begin(): void {
    if (this.outstanding === 0) this.lastHeard = this.now();
    this.outstanding += 1;
  }

  /** A call settled. */
  end(): void {
    this.outstanding = Math.max(0, this.outstanding - 1);
  }

  /** The limit now exceeded, in milliseconds, or null while the worker is within it. */
  overdue(): number | null {
    if (this.outstanding === 0) return null;
    const limit = silenceLimit(this.silentMs, this.heard, this.longest);
    return this.now() - this.lastHeard > limit ? limit : null;
  }
}
