/**
 * Paints points on S² (or S¹) into a 2-D canvas: outline, graticule (back part faint and dashed),
 * lines between positive pairs, and the points back to front with the far side dimmed. Scratch
 * buffers are reused across frames, so a redraw allocates nothing but the graticule segments.
 */
import { CATEGORY_COLORS } from './palette';
import { depthOrder, graticule, projectCircle, projectPoints, type Mat3 } from './sphere';

/** Theme colours (resolved CSS values; a canvas cannot read CSS variables itself). */
export interface SphereTheme {
  text: string;
  border: string;
  bg: string;
}

/** Everything one frame needs. */
export interface SphereScene {
  /** N×dim coordinates, row-major; normalised for display. */
  points: ArrayLike<number>;
  dim: 2 | 3;
  rotation: Mat3;
  /** Group / class id per point (colour); absent: one colour. */
  groups?: ArrayLike<number>;
  /** Flattened index pairs [i0, j0, i1, j1, …] joined by a line. */
  pairs?: ArrayLike<number>;
  /** Point radius in CSS pixels. */
  pointRadius: number;
  theme: SphereTheme;
  /**
   * Larger marks over the points, e.g. class centroids: `k × dim` coordinates and a group per
   * mark (its colour). Marks with a non-finite coordinate are skipped.
   */
  markers?: { points: ArrayLike<number>; groups: ArrayLike<number> };
  /** Draw only this group in full colour and the others faint; null or absent: all alike. */
  highlight?: number | null;
}

/** How faint the points and marks outside the highlighted group are drawn (times their alpha). */
const FADED = 0.12;

const BACK_ALPHA = 0.28;
const GRATICULE = graticule();

/** Draws scenes into one canvas context; keep one per canvas. */
export class SphereRenderer {
  private projected: Float32Array = new Float32Array(0);
  private projectedMarkers: Float32Array = new Float32Array(0);
  private order: Uint32Array = new Uint32Array(0);
  private sprites = new Map<string, HTMLCanvasElement | OffscreenCanvas>();

  constructor(private readonly ctx: CanvasRenderingContext2D) {}

  /** Paints `scene` on a canvas of `width` × `height` device pixels at `scale` device px per CSS px. */
  draw(scene: SphereScene, width: number, height: number, scale: number): void {
    const { ctx } = this;
    const n = Math.floor(scene.points.length / scene.dim);
    this.projected = projectPoints(scene.points, scene.dim, scene.rotation, this.projected);
    const p = this.projected;
    const radius = Math.min(width, height) / 2 - (scene.pointRadius + 3) * scale;
    const cx = width / 2;
    const cy = height / 2;
    const sx = (i: number) => cx + radius * p[i * 3];
    const sy = (i: number) => cy - radius * p[i * 3 + 1];

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.lineCap = 'round';

    // Sphere / circle outline.
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
    ctx.strokeStyle = scene.theme.border;
    ctx.lineWidth = 1.5 * scale;
    ctx.stroke();

    if (scene.dim === 3) this.drawGraticule(scene, cx, cy, radius, scale, false);
    this.drawPairs(scene, sx, sy, scale, false);

    // Points back to front; the first one with z >= 0 starts the near side.
    this.order = depthOrder(p, n, this.order);
    const order = this.order;
    let split = 0;
    while (split < n && p[order[split] * 3 + 2] < 0) split++;
    this.drawPoints(scene, order, 0, split, sx, sy, scale, BACK_ALPHA);
    this.drawMarkers(scene, cx, cy, radius, scale, false);
    if (scene.dim === 3) this.drawGraticule(scene, cx, cy, radius, scale, true);
    this.drawPairs(scene, sx, sy, scale, true);
    this.drawPoints(scene, order, split, n, sx, sy, scale, 1);
    this.drawMarkers(scene, cx, cy, radius, scale, true);
    ctx.globalAlpha = 1;
  }

  /** The marks of one side of the sphere: a disc in the group's colour, ringed to stand out. */
  private drawMarkers(
    scene: SphereScene,
    cx: number,
    cy: number,
    radius: number,
    scale: number,
    front: boolean,
  ) {
    const { markers, highlight } = scene;
    if (!markers) return;
    const k = Math.min(Math.floor(markers.points.length / scene.dim), markers.groups.length);
    this.projectedMarkers = projectPoints(
      markers.points,
      scene.dim,
      scene.rotation,
      this.projectedMarkers,
    );
    const p = this.projectedMarkers;
    const { ctx } = this;
    const r = scene.pointRadius * 2.3 * scale;
    for (let i = 0; i < k; i++) {
      const [x, y, z] = [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]];
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
      if (z >= 0 !== front) continue;
      const group = markers.groups[i];
      const faded = highlight != null && group !== highlight;
      ctx.globalAlpha = (front ? 1 : 0.55) * (faded ? FADED : 1);
      const px = cx + radius * x;
      const py = cy - radius * y;
      ctx.beginPath();
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fillStyle =
        CATEGORY_COLORS[
          ((group % CATEGORY_COLORS.length) + CATEGORY_COLORS.length) % CATEGORY_COLORS.length
        ];
      ctx.fill();
      ctx.lineWidth = 2 * scale;
      ctx.strokeStyle = scene.theme.bg;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(px, py, r + 1.5 * scale, 0, 2 * Math.PI);
      ctx.lineWidth = 1.25 * scale;
      ctx.strokeStyle = scene.theme.text;
      ctx.stroke();
    }
  }

  private drawGraticule(
    scene: SphereScene,
    cx: number,
    cy: number,
    radius: number,
    scale: number,
    front: boolean,
  ) {
    const { ctx } = this;
    ctx.globalAlpha = front ? 0.35 : 0.18;
    ctx.strokeStyle = scene.theme.text;
    ctx.lineWidth = 0.75 * scale;
    ctx.setLineDash(front ? [] : [2 * scale, 3 * scale]);
    ctx.beginPath();
    for (const circle of GRATICULE) {
      for (const seg of projectCircle(circle, scene.rotation)) {
        if (seg.front !== front) continue;
        ctx.moveTo(cx + radius * seg.xy[0], cy - radius * seg.xy[1]);
        for (let k = 2; k < seg.xy.length; k += 2) {
          ctx.lineTo(cx + radius * seg.xy[k], cy - radius * seg.xy[k + 1]);
        }
      }
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }

  private drawPairs(
    scene: SphereScene,
    sx: (i: number) => number,
    sy: (i: number) => number,
    scale: number,
    front: boolean,
  ) {
    const { pairs } = scene;
    if (!pairs || pairs.length < 2) return;
    const { ctx } = this;
    const p = this.projected;
    const n = p.length / 3;
    ctx.globalAlpha = front ? 0.55 : 0.5 * BACK_ALPHA;
    ctx.strokeStyle = scene.theme.text;
    ctx.lineWidth = 1 * scale;
    ctx.beginPath();
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      const i = pairs[k];
      const j = pairs[k + 1];
      if (i >= n || j >= n) continue;
      if (p[i * 3 + 2] + p[j * 3 + 2] >= 0 !== front) continue;
      ctx.moveTo(sx(i), sy(i));
      ctx.lineTo(sx(j), sy(j));
    }
    ctx.stroke();
  }

  private drawPoints(
    scene: SphereScene,
    order: Uint32Array,
    from: number,
    to: number,
    sx: (i: number) => number,
    sy: (i: number) => number,
    scale: number,
    alpha: number,
  ) {
    const { ctx } = this;
    const p = this.projected;
    const { groups, highlight } = scene;
    const base = scene.pointRadius * scale;
    const sprites = CATEGORY_COLORS.map((c) => this.sprite(c, base, scene.theme.bg));
    const n = sprites.length;
    const focus = groups && highlight != null ? highlight : null;
    ctx.globalAlpha = alpha;
    for (let k = from; k < to; k++) {
      const i = order[k];
      if (focus !== null) ctx.globalAlpha = groups![i] === focus ? alpha : alpha * FADED;
      const sprite = sprites[groups ? ((groups[i] % n) + n) % n : 0];
      // Nearer points are drawn a little larger: a cheap depth cue.
      const half = (sprite.width / 2) * (0.85 + 0.15 * p[i * 3 + 2]);
      ctx.drawImage(sprite, sx(i) - half, sy(i) - half, 2 * half, 2 * half);
    }
  }

  /**
   * A pre-rendered dot per colour: copying a bitmap is several times cheaper than filling and
   * stroking an arc, which matters on software-rendered canvases (no GPU).
   */
  private sprite(
    color: string,
    radius: number,
    outline: string,
  ): HTMLCanvasElement | OffscreenCanvas {
    const key = `${color}|${radius}|${outline}`;
    let sprite = this.sprites.get(key);
    if (!sprite) {
      const size = Math.ceil(2 * radius + 2);
      sprite =
        typeof OffscreenCanvas !== 'undefined'
          ? new OffscreenCanvas(size, size)
          : Object.assign(document.createElement('canvas'), { width: size, height: size });
      const g = sprite.getContext('2d') as CanvasRenderingContext2D | null;
      if (g) {
        g.beginPath();
        g.arc(size / 2, size / 2, radius, 0, 2 * Math.PI);
        g.fillStyle = color;
        g.fill();
        g.lineWidth = Math.max(1, radius / 4);
        g.strokeStyle = outline;
        g.stroke();
      }
      this.sprites.set(key, sprite);
    }
    return sprite;
  }
}
