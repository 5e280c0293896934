// The collapse lab's spectrum picture, as plain numbers: each eigenvalue of the embedding
// covariance on a log scale relative to the largest, clipped at a floor, so that a bar's height
// says how many decades below the leading direction that direction's variance is.

/** Decades below the largest eigenvalue that the picture shows (anything smaller sits on the floor). */
export const SPECTRUM_DECADES = 6;

/** One bar of the spectrum picture. */
export interface SpectrumBar {
  /** 1-based rank of the eigenvalue (largest first). */
  index: number;
  /** log10(σ_k / σ_1), clipped to [−decades, 0]; −decades also for a zero eigenvalue. */
  log: number;
  /** Height in [0, 1]: 1 for the largest eigenvalue, 0 on the floor. */
  height: number;
}

/**
 * Bars for a spectrum sorted largest first. An all-zero (or empty, or non-finite) spectrum, the
 * mark of a complete collapse, gives every bar on the floor.
 */
export function spectrumBars(
  spectrum: ArrayLike<number>,
  decades: number = SPECTRUM_DECADES,
): SpectrumBar[] {
  const top = spectrum.length > 0 ? spectrum[0]! : 0;
  return Array.from({ length: spectrum.length }, (_, i) => {
    const ratio = top > 0 && Number.isFinite(top) ? spectrum[i]! / top : 0;
    const log = ratio > 0 ? Math.max(-decades, Math.min(0, Math.log10(ratio))) : -decades;
    return { index: i + 1, log, height: 1 + log / decades };
  });
}
