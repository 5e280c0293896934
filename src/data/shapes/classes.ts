/**
 * The classes of the built-in shapes data set. Each class is a region of the plane in its own
 * local coordinates (u, v): shapes fit in the unit disc and are placed, scaled and rotated by the
 * generator; textures repeat with period 1 and are tiled over the whole image.
 */
export interface ShapeClass {
  /** Human-readable class name. */
  readonly name: string;
  /** `shape`: one object on a background; `texture`: a pattern covering the whole image. */
  readonly kind: 'shape' | 'texture';
  /** Scale range as a fraction of the image side: the radius of a shape, the period of a texture. */
  readonly scale: readonly [number, number];
  /** Whether the local point (u, v) is foreground. */
  readonly inside: (u: number, v: number) => boolean;
}

const SHAPE_SCALE = [0.24, 0.42] as const;
const SIN30 = 0.5;
const COS30 = Math.sqrt(3) / 2;
const STAR_POINTS = 5;
const STAR_INNER = 0.42;

/** Vertices of a five-pointed star of outer radius 1, alternating tip and inner corner. */
function starVertices(): Float64Array {
  const xy = new Float64Array(4 * STAR_POINTS);
  for (let i = 0; i < 2 * STAR_POINTS; i += 1) {
    const r = i % 2 === 0 ? 1 : STAR_INNER;
    const a = (i * Math.PI) / STAR_POINTS;
    xy[2 * i] = r * Math.cos(a);
    xy[2 * i + 1] = r * Math.sin(a);
  }
  return xy;
}

/** Even–odd ray-casting test against a closed polygon given as flat x, y pairs (no trigonometry). */
function insidePolygon(xy: Float64Array): (u: number, v: number) => boolean {
  const n = xy.length / 2;
  return (u, v) => {
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
      const xi = xy[2 * i];
      const yi = xy[2 * i + 1];
      const xj = xy[2 * j];
      const yj = xy[2 * j + 1];
      if (yi > v !== yj > v && u < ((xj - xi) * (v - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** The classes, in label order. */
export const SHAPE_CLASSES: readonly ShapeClass[] = [
  { name: 'circle', kind: 'shape', scale: SHAPE_SCALE, inside: (u, v) => u * u + v * v < 0.8 },
  {
    name: 'square',
    kind: 'shape',
    scale: SHAPE_SCALE,
    inside: (u, v) => Math.abs(u) < 0.72 && Math.abs(v) < 0.72,
  },
  {
    name: 'triangle',
    kind: 'shape',
    scale: SHAPE_SCALE,
    // Equilateral, circumradius 1: inside the three edges, whose outward normals point at -90°, 30°, 150°.
    inside: (u, v) => -v < 0.5 && COS30 * u + SIN30 * v < 0.5 && -COS30 * u + SIN30 * v < 0.5,
  },
  {
    name: 'cross',
    kind: 'shape',
    scale: SHAPE_SCALE,
    inside: (u, v) => {
      const au = Math.abs(u);
      const av = Math.abs(v);
      return (au < 0.28 && av < 0.95) || (av < 0.28 && au < 0.95);
    },
  },
  {
    name: 'ring',
    kind: 'shape',
    scale: SHAPE_SCALE,
    inside: (u, v) => {
      const r2 = u * u + v * v;
      return r2 < 0.9 && r2 > 0.3;
    },
  },
  { name: 'star', kind: 'shape', scale: SHAPE_SCALE, inside: insidePolygon(starVertices()) },
  {
    name: 'crescent',
    kind: 'shape',
    scale: SHAPE_SCALE,
    inside: (u, v) => u * u + v * v < 0.9 && (u - 0.5) ** 2 + v * v > 0.55,
  },
  {
    name: 'stripes',
    kind: 'texture',
    scale: [0.13, 0.25],
    inside: (u) => u - Math.floor(u) < 0.5,
  },
  {
    name: 'checker',
    kind: 'texture',
    scale: [0.22, 0.36],
    inside: (u, v) => (Math.floor(2 * u) + Math.floor(2 * v)) % 2 === 0,
  },
  {
    name: 'dots',
    kind: 'texture',
    scale: [0.17, 0.27],
    inside: (u, v) => {
      const du = u - Math.round(u);
      const dv = v - Math.round(v);
      return du * du + dv * dv < 0.09;
    },
  },
];
