import { describe, expect, it } from 'vitest';
import {
  defaultView,
  depthOrder,
  graticule,
  identity,
  multiply,
  orthonormalize,
  projectCircle,
  projectPoints,
  rotationX,
  rotationY,
  rotationZ,
  turn,
  type Mat3,
} from '../../src/viz/sphere';

function expectOrthonormal(m: Mat3) {
  const mt = Float64Array.from([m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]]);
  const p = multiply(m, mt);
  const id = identity();
  for (let k = 0; k < 9; k++) expect(p[k]).toBeCloseTo(id[k], 10);
}

describe('rotations', () => {
  it('turn the axes the documented way', () => {
    // rotationY(+90°) brings the front (+z, toward the viewer) to the right (+x).
    const right = projectPoints([0, 0, 1], 3, rotationY(Math.PI / 2));
    expect(Array.from(right).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1, 0, 0]);
    // rotationX(+90°) brings the top (+y) toward the viewer (+z).
    const toward = projectPoints([0, 1, 0], 3, rotationX(Math.PI / 2));
    expect(toward[2]).toBeCloseTo(1, 6);
    // rotationZ(+90°) is counter-clockwise: +x goes to +y.
    const ccw = projectPoints([1, 0], 2, rotationZ(Math.PI / 2));
    expect(ccw[1]).toBeCloseTo(1, 6);
  });

  it('compose as matrices (apply b, then a) and stay orthonormal', () => {
    const a = rotationX(0.3);
    const b = rotationY(-1.1);
    const v = [0.2, -0.5, 0.84];
    const twice = projectPoints(projectPoints(v, 3, b), 3, a);
    const once = projectPoints(v, 3, multiply(a, b));
    for (let k = 0; k < 3; k++) expect(once[k]).toBeCloseTo(twice[k], 6);
    expectOrthonormal(defaultView());
  });

  it('survive thousands of small drags without drift', () => {
    let r = identity();
    for (let k = 0; k < 5000; k++) r = turn(r, 0.013, -0.007);
    expectOrthonormal(r);
  });

  it('orthonormalize repairs a skewed matrix', () => {
    const skewed = Float64Array.from([1, 0.1, 0, 0, 2, 0, 0, 0, 0.5]);
    expectOrthonormal(orthonormalize(skewed));
  });
});

describe('projectPoints', () => {
  it('normalises points onto the sphere and keeps the zero vector finite', () => {
    const out = projectPoints(Float32Array.of(0, 3, 4, 0, 0, 0), 3, identity());
    expect(out[1]).toBeCloseTo(0.6, 6);
    expect(out[2]).toBeCloseTo(0.8, 6);
    expect(Array.from(out.slice(3))).toEqual([0, 0, 0]);
  });

  it('puts circle points (dim 2) in front and reuses the output buffer', () => {
    const buf = new Float32Array(6);
    const out = projectPoints(Float32Array.of(2, 0, 0, -1), 2, identity(), buf);
    expect(out).toBe(buf);
    expect(Array.from(out)).toEqual([1, 0, 1, 0, -1, 1]);
  });

  it('handles 512 random points', () => {
    const pts = Float32Array.from(
      { length: 512 * 3 },
      (_, i) => (Math.sin(i * 12.9898) * 43.7) % 1,
    );
    const out = projectPoints(pts, 3, defaultView());
    for (let i = 0; i < 512; i++) {
      expect(Math.hypot(out[i * 3], out[i * 3 + 1], out[i * 3 + 2])).toBeCloseTo(1, 5);
    }
  });
});

describe('depthOrder', () => {
  it('orders back to front by z', () => {
    const p = Float32Array.of(0, 0, 0.5, 0, 0, -0.9, 0, 0, 0.1, 0, 0, -0.2);
    expect(Array.from(depthOrder(p, 4))).toEqual([1, 3, 2, 0]);
  });
});

describe('graticule', () => {
  it('lies on the unit sphere: 5 parallels and 4 meridians by default', () => {
    const circles = graticule();
    expect(circles).toHaveLength(9);
    for (const c of circles) {
      for (let k = 0; k < c.length; k += 3) {
        expect(Math.hypot(c[k], c[k + 1], c[k + 2])).toBeCloseTo(1, 10);
      }
    }
  });

  it('splits into front and back halves that meet on the silhouette', () => {
    // The equator seen from the side: half in front, half behind, two crossings.
    const [equator] = graticule([0], 180, 64);
    const segments = projectCircle(equator, identity());
    const fronts = segments.filter((s) => s.front);
    const backs = segments.filter((s) => !s.front);
    expect(fronts.length).toBeGreaterThanOrEqual(1);
    expect(backs.length).toBeGreaterThanOrEqual(1);
    for (let k = 0; k + 1 < segments.length; k++) {
      const end = segments[k].xy.slice(-2);
      const start = segments[k + 1].xy.slice(0, 2);
      expect(start).toEqual(end);
      // A crossing sits on the outline (|(x, y)| = 1 on the equator).
      expect(Math.hypot(start[0], start[1])).toBeCloseTo(1, 2);
    }
    // Seen from above (the north pole toward the viewer), the 60° parallel is all in front.
    const [parallel] = graticule([60], 180, 64);
    expect(projectCircle(parallel, rotationX(Math.PI / 2)).every((s) => s.front)).toBe(true);
    expect(projectCircle(parallel, rotationX(-Math.PI / 2)).every((s) => !s.front)).toBe(true);
  });
});
