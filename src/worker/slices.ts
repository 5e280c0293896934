// How a training host splits a run into slices: each slice takes as many steps as fit in a time
// budget, measured on the steps before it (at least one), and the host hands the thread back to
// its event loop between slices — on the main thread so the page can answer input and paint, in a
// worker so its heartbeat goes out. A single step longer than the budget is still one slice: tfjs
// cannot interrupt an operation.

/** Milliseconds of training work between two yields to the event loop. */
export const SLICE_BUDGET_MS = 50;

/** Resolves in a later task, after the input, timers and rendering that were waiting. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Steps per slice from the latest measured step time. */
export class SliceBudget {
  /** Milliseconds per step of the latest slice; null until one was measured. */
  private perStep: number | null = null;

  constructor(readonly budgetMs: number = SLICE_BUDGET_MS) {}

  /** Milliseconds one step took in the latest slice (0 before the first). */
  get stepMs(): number {
    return this.perStep ?? 0;
  }

  /** How many of the `remaining` (≥ 1) steps the next slice takes: one until a step was measured. */
  steps(remaining: number): number {
    if (this.perStep === null) return 1;
    // A step too quick for the clock to see: the rest fits.
    const fit = this.perStep > 0 ? Math.floor(this.budgetMs / this.perStep) : remaining;
    return Math.max(1, Math.min(remaining, fit));
  }

  /** Records that `steps` steps took `ms` milliseconds. */
  record(steps: number, ms: number): void {
    if (steps > 0) this.perStep = Math.max(ms, 0) / steps;
  }
}
