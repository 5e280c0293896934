/**
 * The math behind the sphere view: 3×3 rotations, orthographic projection of points on S² (and
 * S¹), back-to-front ordering, and the graticule circles split into their front and back parts.
 * Model space has y up; the viewer looks down −z, so a rotated point with z > 0 faces the viewer.
 */

/** A 3×3 rotation, row-major. */
export type Mat3 = Float64Array;

/** The identity rotation. */
export function identity(): Mat3 {
  return Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
}

/** Rotation by `a` radians about the screen's x axis (tilts the top toward the viewer for a > 0). */
export function rotationX(a: number): Mat3 {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return Float64Array.of(1, 0, 0, 0, c, -s, 0, s, c);
}

/** Rotation by `a` radians about the screen's y axis (turns the front to the right for a > 0). */
export function rotationY(a: number): Mat3 {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return Float64Array.of(c, 0, s, 0, 1, 0, -s, 0, c);
}

/** Rotation by `a` radians about the axis toward the viewer (counter-clockwise on screen). */
export function rotationZ(a: number): Mat3 {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return Float64Array.of(c, -s, 0, s, c, 0, 0, 0, 1);
}

/** The product a·b (apply b, then a). */
export function multiply(a: Mat3, b: Mat3): Mat3 {
  const m = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      m[r * 3 + c] = a[r * 3] * b[c] + a[r * 3 + 1] * b[3 + c] + a[r * 3 + 2] * b[6 + c];
    }
  }
  return m;
}

/** Re-orthonormalises the rows (Gram–Schmidt), undoing drift after many small drags. */
export function orthonormalize(m: Mat3): Mat3 {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    let x = m[r * 3];
    let y = m[r * 3 + 1];
    let z = m[r * 3 + 2];
    for (let p = 0; p < r; p++) {
      const d = x * out[p * 3] + y * out[p * 3 + 1] + z * out[p * 3 + 2];
      x -= d * out[p * 3];
      y -= d * out[p * 3 + 1];
      z -= d * out[p * 3 + 2];
    }
    const n = Math.hypot(x, y, z) || 1;
    out[r * 3] = x / n;
    out[r * 3 + 1] = y / n;
    out[r * 3 + 2] = z / n;
  }
  return out;
}

/**
 * Turns the view the way a drag or an arrow key feels: `yaw` about the screen's vertical axis,
 * `pitch` about its horizontal axis, applied on top of the current rotation `r`.
 */
export function turn(r: Mat3, yaw: number, pitch: number): Mat3 {
  return orthonormalize(multiply(rotationX(pitch), multiply(rotationY(yaw), r)));
}

/** A pleasant starting view: a little from above and to the side, so the sphere reads as 3-D. */
export function defaultView(): Mat3 {
  return multiply(rotationX(0.35), rotationY(-0.5));
}

/**
 * Rotates N points (rows of `points`, `dim` = 3 or 2) and normalises them onto the unit sphere
 * (circle), writing (x, y, z) per point into `out` (allocated when absent or too short). For
 * dim = 2 only the in-plane part of `r` is used (a `rotationZ`) and z is 1: every point is in front.
 * A zero vector lands at the centre rather than producing NaN.
 */
export function projectPoints(
  points: ArrayLike<number>,
  dim: 2 | 3,
  r: Mat3,
  out?: Float32Array,
): Float32Array {
  const n = Math.floor(points.length / dim);
  const res = out && out.length >= n * 3 ? out : new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const x = points[i * dim];
    const y = points[i * dim + 1];
    const z = dim === 3 ? points[i * dim + 2] : 0;
    const len = Math.hypot(x, y, z) || 1;
    if (dim === 3) {
      res[i * 3] = (r[0] * x + r[1] * y + r[2] * z) / len;
      res[i * 3 + 1] = (r[3] * x + r[4] * y + r[5] * z) / len;
      res[i * 3 + 2] = (r[6] * x + r[7] * y + r[8] * z) / len;
    } else {
      res[i * 3] = (r[0] * x + r[1] * y) / len;
      res[i * 3 + 1] = (r[3] * x + r[4] * y) / len;
      res[i * 3 + 2] = 1;
    }
  }
  return res;
}

/** Indices of the first `n` projected points ordered back (most negative z) to front. */
export function depthOrder(projected: Float32Array, n: number, out?: Uint32Array): Uint32Array {
  const order = out && out.length === n ? out : new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => projected[a * 3 + 2] - projected[b * 3 + 2]);
}

/**
 * Graticule in model space: the parallels at the given latitudes (degrees, y up) and meridians
 * every `meridianStep` degrees, each a closed polyline of `samples` points (x, y, z flattened).
 */
export function graticule(
  latitudes: readonly number[] = [-60, -30, 0, 30, 60],
  meridianStep = 45,
  samples = 72,
): Float64Array[] {
  const circles: Float64Array[] = [];
  const deg = Math.PI / 180;
  for (const lat of latitudes) {
    const c = new Float64Array(samples * 3);
    for (let k = 0; k < samples; k++) {
      const t = (2 * Math.PI * k) / samples;
      c[k * 3] = Math.cos(lat * deg) * Math.cos(t);
      c[k * 3 + 1] = Math.sin(lat * deg);
      c[k * 3 + 2] = Math.cos(lat * deg) * Math.sin(t);
    }
    circles.push(c);
  }
  for (let lon = 0; lon < 180; lon += meridianStep) {
    const c = new Float64Array(samples * 3);
    for (let k = 0; k < samples; k++) {
      const t = (2 * Math.PI * k) / samples;
      c[k * 3] = Math.cos(t) * Math.cos(lon * deg);
      c[k * 3 + 1] = Math.sin(t);
      c[k * 3 + 2] = Math.cos(t) * Math.sin(lon * deg);
    }
    circles.push(c);
  }
  return circles;
}

/** A run of consecutive projected (x, y) vertices on one side of the sphere. */
export interface Segment {
  front: boolean;
  /** Flattened x, y pairs in unit-sphere coordinates (y up). */
  xy: number[];
}

/**
 * Rotates a closed model-space polyline and splits it where it crosses the silhouette, so the
 * front part can be drawn solid and the back part faint. Crossings are placed on the silhouette.
 */
export function projectCircle(circle: Float64Array, r: Mat3): Segment[] {
  const n = circle.length / 3;
  const rotated = projectPoints(circle, 3, r);
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (let k = 0; k <= n; k++) {
    const i = k % n;
    const x = rotated[i * 3];
    const y = rotated[i * 3 + 1];
    const z = rotated[i * 3 + 2];
    const front = z >= 0;
    if (current && current.front !== front) {
      // Interpolate to z = 0 between the previous vertex and this one.
      const p = ((k - 1) % n) * 3;
      const t = rotated[p + 2] / (rotated[p + 2] - z);
      const cx = rotated[p] + t * (x - rotated[p]);
      const cy = rotated[p + 1] + t * (y - rotated[p + 1]);
      current.xy.push(cx, cy);
      segments.push(current);
      current = { front, xy: [cx, cy] };
    }
    if (!current) current = { front, xy: [] };
    current.xy.push(x, y);
  }
  if (current) segments.push(current);
  return segments;
}
