// Jobs that must not overlap — the commands to one training host — run one after another.

/** Runs jobs one after another, each after every job queued before it has settled. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues `job`; its result (or error) is its own: a failed job does not stop the next. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Calls `then` once every job queued so far has settled (before any job queued later). */
  after(then: () => void): void {
    this.tail = this.tail.then(then).catch(() => undefined);
  }
}
