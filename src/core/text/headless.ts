// A complete SimCSE run without a page: evaluate the untrained encoder, train for a number of
// steps, evaluate every few steps, and summarise. Used by `npm run train:simcse` and its test.
import { type SimcseEvaluation, type SimcseOptions, createSimcseSession } from './simcse';

/** One evaluation during a run. */
export interface SimcseReport extends SimcseEvaluation {
  /** Steps taken when it was measured (0 = untrained). */
  step: number;
  /** Loss of the last step before it (`null` for the untrained encoder). */
  loss: number | null;
  /** Mean wall-clock training time per step so far, evaluation excluded (`null` at step 0). */
  msPerStep: number | null;
}

/** What a run returns. */
export interface SimcseSummary {
  /** The session's resolved settings. */
  options: Record<string, unknown>;
  /** Steps taken. */
  steps: number;
  /** Spearman's ρ of the TF-IDF bag-of-words baseline. */
  baselineSpearman: number;
  /** The untrained encoder (step 0). */
  untrained: SimcseReport;
  /** The encoder after the last step. */
  final: SimcseReport;
  /** Every evaluation, step 0 first. */
  history: SimcseReport[];
}

/** Settings of a headless run: the session's options plus the budget. */
export interface HeadlessOptions extends SimcseOptions {
  /** Training steps (integer ≥ 0). */
  steps: number;
  /** Evaluate every this many steps, and after the last (default 50). */
  every?: number;
  /** Called with each evaluation as it is made (e.g. to print it). */
  onReport?: (report: SimcseReport) => void;
}

/** Trains a fresh SimCSE session headless and returns the measurements; frees it afterwards. */
export async function runSimcse(options: HeadlessOptions): Promise<SimcseSummary> {
  const { steps, every = 50, onReport, ...sessionOptions } = options;
  if (!Number.isInteger(steps) || steps < 0)
    throw new Error(`steps must be an integer ≥ 0 (got ${String(steps)}).`);
  if (!Number.isInteger(every) || every < 1)
    throw new Error(`every must be an integer ≥ 1 (got ${String(every)}).`);
  const session = createSimcseSession(sessionOptions);
  try {
    const history: SimcseReport[] = [];
    const report = (entry: SimcseReport) => {
      history.push(entry);
      onReport?.(entry);
    };
    report({ step: 0, loss: null, msPerStep: null, ...(await session.evaluate()) });
    let trainingMs = 0;
    while (session.steps < steps) {
      const chunk = Math.min(every, steps - session.steps);
      const start = performance.now();
      for (let i = 0; i < chunk; i++) session.step();
      // Reading the loss waits for the queued work, so the time covers the steps themselves.
      const loss = await session.loss();
      trainingMs += performance.now() - start;
      const msPerStep = trainingMs / session.steps;
      report({ step: session.steps, loss, msPerStep, ...(await session.evaluate()) });
    }
    return {
      options: { ...session.options },
      steps,
      baselineSpearman: session.baselineSpearman,
      untrained: history[0]!,
      final: history[history.length - 1]!,
      history,
    };
  } finally {
    session.dispose();
  }
}
