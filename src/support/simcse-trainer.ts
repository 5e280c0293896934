// Pure helpers of the SimCSE trainer figure: what Gao et al. (2021) measured for the run the
// reader set up, so each ablation sits next to the paper's number. No tfjs and no DOM here.
import type { SimcseParams } from '../settings/simcse';

/** Table 3 of Gao et al. (2021): STS-B development Spearman ×100 per dropout rate p. */
export const PAPER_DROPOUT_TABLE: ReadonlyMap<number, number> = new Map([
  [0, 71.1],
  [0.01, 72.6],
  [0.05, 81.1],
  [0.1, 82.5],
  [0.15, 81.4],
  [0.2, 80.5],
  [0.5, 71.0],
]);

/** What the paper reports for a setting like the reader's. */
export interface PaperReference {
  /** Where in the paper, e.g. "Table 3". */
  source: string;
  /** The paper's setting in words. */
  setting: string;
  /** STS-B development Spearman ×100, or null where the paper gives only a ranking. */
  score: number | null;
}

/**
 * The paper's result closest to `params`: BERT-base on STS-B dev, so only the ordering, not the
 * scale, is comparable with this small encoder and data set.
 */
export function paperReference(
  params: Pick<SimcseParams, 'mode' | 'ablation' | 'dropout' | 'tau'>,
): PaperReference {
  if (Math.abs(params.tau - 0.05) > 1e-9) {
    return {
      source: 'Appendix, temperature table',
      setting: `τ = ${params.tau.toPrecision(2)}; the paper found τ = 0.05 best`,
      score: null,
    };
  }
  if (params.mode === 'sup') {
    return { source: 'Table 4', setting: 'NLI entailment + contradiction', score: 86.2 };
  }
  switch (params.ablation) {
    case 'no-dropout':
      return { source: 'Table 3', setting: 'p = 0', score: 71.1 };
    case 'same-mask':
      return { source: 'Table 3', setting: 'fixed 0.1 (one mask for both passes)', score: 43.6 };
    case 'word-deletion':
      return { source: 'Table 1', setting: 'word deletion 10%', score: 75.9 };
    case 'standard': {
      const score = PAPER_DROPOUT_TABLE.get(Math.round(params.dropout * 100) / 100);
      return {
        source: 'Table 3',
        setting: `p = ${params.dropout.toFixed(2)}`,
        score: score ?? null,
      };
    }
  }
}

/** One finished run, as the figure lists it for comparison. */
export interface RunSummary {
  params: Pick<SimcseParams, 'mode' | 'ablation' | 'dropout' | 'tau'>;
  seed: number;
  step: number;
  spearman: number;
  anisotropy: number;
}

/** Keeps the `limit` latest runs, newest first, adding `run` unless it took no step. */
export function recordRun(runs: readonly RunSummary[], run: RunSummary, limit = 6): RunSummary[] {
  if (run.step === 0 || !Number.isFinite(run.spearman)) return [...runs];
  return [run, ...runs].slice(0, limit);
}
