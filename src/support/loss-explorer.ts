/**
 * The loss explorer's geometry, free of TensorFlow.js: the points it shows, angle arithmetic for
 * dragging and keys, and the size of a gradient arrow. Its settings (τ and one angle per point)
 * are in src/settings/loss-explorer.ts; the computation lives in `loss-explorer-model.ts`, loaded
 * with the live figure.
 */
import type { LossExplorerState } from '../settings/loss-explorer';

/** Name of a point's angle in the state: every setting but τ. */
export type PointKey = Exclude<keyof LossExplorerState, 'tau'>;

/** One draggable point. */
export interface ExplorerPoint {
  key: PointKey;
  /** Short label drawn next to the point. */
  short: string;
  /** Accessible name. */
  label: string;
  kind: 'anchor' | 'positive' | 'negative';
}

/** The points in the order the model takes them: anchor, positive, then the negatives. */
export const EXPLORER_POINTS: readonly ExplorerPoint[] = [
  { key: 'anchor', short: 'a', label: 'Anchor', kind: 'anchor' },
  { key: 'positive', short: 'p', label: 'Positive', kind: 'positive' },
  ...([1, 2, 3, 4, 5] as const).map((i): ExplorerPoint => ({
    key: `n${i}`,
    short: `n${i}`,
    label: `Negative ${i}`,
    kind: 'negative',
  })),
];

/** The angles of every point, in {@link EXPLORER_POINTS} order. */
export function pointAngles(state: LossExplorerState): number[] {
  return EXPLORER_POINTS.map(({ key }) => state[key]);
}

/** Wraps an angle in degrees into (−180, 180]. */
export function wrapDegrees(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

/**
 * The angle, in whole degrees, of a pointer at offset (dx, dy) from the circle's centre in screen
 * pixels (y grows downwards on screen, upwards in the figure).
 */
export function pointerAngle(dx: number, dy: number): number {
  return wrapDegrees(Math.round((Math.atan2(-dy, dx) * 180) / Math.PI));
}

/** Degrees an arrow key moves a point; PageUp/PageDown move {@link PAGE_DEGREES}. */
export const STEP_DEGREES = 2;
export const PAGE_DEGREES = 20;

/**
 * The new angle after a key press on a point, or `null` for keys the point ignores. Up and right
 * turn counter-clockwise (the angle grows), down and left clockwise.
 */
export function angleAfterKey(degrees: number, key: string): number | null {
  const steps: Record<string, number> = {
    ArrowUp: STEP_DEGREES,
    ArrowRight: STEP_DEGREES,
    ArrowDown: -STEP_DEGREES,
    ArrowLeft: -STEP_DEGREES,
    PageUp: PAGE_DEGREES,
    PageDown: -PAGE_DEGREES,
  };
  const step = steps[key];
  return step === undefined ? null : wrapDegrees(degrees + step);
}

/** Position of a point at `degrees` on a circle of `radius`, in SVG coordinates (y down). */
export function circlePosition(degrees: number, radius: number): { x: number; y: number } {
  const r = (degrees * Math.PI) / 180;
  return { x: radius * Math.cos(r), y: -radius * Math.sin(r) };
}

/** Longest gradient arrow, as a fraction of the circle's radius. */
export const ARROW_MAX = 0.6;
/** Gradient magnitude (per radian) at which an arrow reaches about 76 % of its maximum. */
export const ARROW_SCALE = 0.75;

/**
 * The arrow showing the descent direction −∂L/∂θ at a point: it starts at the point and runs along
 * the circle's tangent. Its length is `ARROW_MAX · tanh(|g| / ARROW_SCALE)` radii: linear for small
 * gradients, saturating for the huge ones of a small τ, so every arrow stays on screen.
 *
 * @param degrees - the point's angle.
 * @param gradient - ∂L/∂θ at the point, per radian.
 * @param radius - the circle's radius in SVG units.
 * @returns the arrow's end point and length in SVG units.
 */
export function descentArrow(
  degrees: number,
  gradient: number,
  radius: number,
): { x1: number; y1: number; x2: number; y2: number; length: number } {
  const { x: x1, y: y1 } = circlePosition(degrees, radius);
  const length = radius * ARROW_MAX * Math.tanh(Math.abs(gradient) / ARROW_SCALE);
  const r = (degrees * Math.PI) / 180;
  // Descent turns the point by −g: counter-clockwise when g < 0. The counter-clockwise tangent
  // (−sin θ, cos θ) is (−sin θ, −cos θ) in SVG coordinates.
  const sign = gradient < 0 ? 1 : -1;
  return {
    x1,
    y1,
    x2: x1 - sign * length * Math.sin(r),
    y2: y1 - sign * length * Math.cos(r),
    length,
  };
}

/**
 * SVG path of an arrow from (x1, y1) to (x2, y2) with an open head of size `head`; empty when the
 * arrow is too short to see.
 */
export function arrowPath(x1: number, y1: number, x2: number, y2: number, head = 6): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length < 0.5) return '';
  const ux = dx / length;
  const uy = dy / length;
  const h = Math.min(head, length * 0.6);
  const f = (n: number) => n.toFixed(2);
  const left = `${f(x2 - h * ux + h * 0.5 * uy)},${f(y2 - h * uy - h * 0.5 * ux)}`;
  const right = `${f(x2 - h * ux - h * 0.5 * uy)},${f(y2 - h * uy + h * 0.5 * ux)}`;
  return `M${f(x1)},${f(y1)}L${f(x2)},${f(y2)}M${left}L${f(x2)},${f(y2)}L${right}`;
}
