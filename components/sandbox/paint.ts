/**
 * Drawing for the sandbox, kept cheap enough to run every frame while training:
 * - a grid of values (an output's probability, a unit's activation) is written into a small
 *   ImageData at the grid's own resolution (50×50) and put into a canvas of that size, which CSS
 *   scales up smoothly: one putImageData per picture and no scaling work on the main thread;
 * - the points and axes, which do not change while training, are drawn once on a canvas above.
 *
 * Colours are the project's Okabe–Ito pair: sky blue for class 1 and positive values, orange for
 * class 0 and negative ones; classes also differ by shape (circle, square) and weights by dash.
 */
import { PLANE_HALF_WIDTH } from "@/core/sandbox/features";

export const INK = "#1b1b1f";
export const BLUE = "#0072b2";
export const ORANGE = "#e69f00";
/** Negative weights: a darker orange than the class colour, so thin lines stay visible on white. */
export const VERMILLION = "#d55e00";

const SKY_RGB = [86, 180, 233];
const ORANGE_RGB = [230, 159, 0];

/** 256 colours from orange (index 0) through white (127.5) to sky blue (255), as RGBA bytes. */
function diverging(strength: number): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) {
    const t = (k - 127.5) / 127.5; // −1 … 1
    const rgb = t >= 0 ? SKY_RGB : ORANGE_RGB;
    const s = Math.abs(t) * strength;
    for (let c = 0; c < 3; c++) lut[4 * k + c] = Math.round(255 + (rgb[c] - 255) * s);
    lut[4 * k + 3] = 255;
  }
  return lut;
}

/** The output plot: pale enough that points drawn over it stay readable. */
const OUTPUT_LUT = diverging(0.62);
/** Unit pictures: full strength, they are small and carry no points. */
const UNIT_LUT = diverging(1);

export type GridScale = "probability" | "discrete" | "signed";

/**
 * Writes `size²` values, starting at `offset` in `values`, into `image` (size × size):
 * "probability" maps 0…1 (0.5 white), "discrete" paints p < 0.5 and p ≥ 0.5 flat, "signed" maps −1…1.
 */
export function fillImage(image: ImageData, values: ArrayLike<number>, offset: number, scale: GridScale): void {
  const data = image.data;
  const n = image.width * image.height;
  const lut = scale === "signed" ? UNIT_LUT : OUTPUT_LUT;
  for (let k = 0; k < n; k++) {
    const v = values[offset + k];
    let index: number;
    if (scale === "probability") index = (v * 255 + 0.5) | 0;
    else if (scale === "discrete") index = v >= 0.5 ? 255 : 0;
    else index = ((v + 1) * 127.5 + 0.5) | 0;
    // Out of range is clamped (`| 0` has already turned a NaN from blown-up weights into 0).
    index = Math.min(255, Math.max(0, index));
    const o = 4 * index;
    data[4 * k] = lut[o];
    data[4 * k + 1] = lut[o + 1];
    data[4 * k + 2] = lut[o + 2];
    data[4 * k + 3] = 255;
  }
}

/** Paints one grid picture into a canvas whose backing store is `size × size`. */
export function paintGrid(canvas: HTMLCanvasElement, values: ArrayLike<number>, offset: number, size: number, scale: GridScale): void {
  if (canvas.width !== size) canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const image = imageFor(canvas, ctx, size);
  fillImage(image, values, offset, scale);
  ctx.putImageData(image, 0, 0);
}

const images = new WeakMap<HTMLCanvasElement, ImageData>();
function imageFor(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, size: number): ImageData {
  let image = images.get(canvas);
  if (!image || image.width !== size) {
    image = ctx.createImageData(size, size);
    images.set(canvas, image);
  }
  return image;
}

/** Plane coordinates (−6…6, y up) to pixels of a square canvas `side` wide. */
export const planeToPx = (v: number, side: number) => ((v + PLANE_HALF_WIDTH) / (2 * PLANE_HALF_WIDTH)) * side;
export const planeToPy = (v: number, side: number) => ((PLANE_HALF_WIDTH - v) / (2 * PLANE_HALF_WIDTH)) * side;

/** Class 1 a circle, class 0 a square of the same area: told apart without colour. */
function shapePath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, label: number): void {
  ctx.beginPath();
  if (label === 1) ctx.arc(x, y, r, 0, 2 * Math.PI);
  else {
    const h = r * 0.886; // half side of a square with the circle's area
    ctx.rect(x - h, y - h, 2 * h, 2 * h);
  }
}

export interface PointsLayer {
  xy: Float64Array;
  labels: Float64Array;
  train: Int32Array;
  test: Int32Array;
  showTest: boolean;
}

/**
 * The points over the decision boundary: training points filled with a white rim; test points
 * filled with a thick dark rim, drawn last so they stay on top. `side` is in device pixels.
 */
export function drawPoints(ctx: CanvasRenderingContext2D, layer: PointsLayer, side: number, scale: number): void {
  const r = 3.6 * scale;
  const draw = (rows: Int32Array, rim: string, rimWidth: number) => {
    ctx.lineWidth = rimWidth;
    ctx.strokeStyle = rim;
    for (const i of rows) {
      const label = layer.labels[i];
      shapePath(ctx, planeToPx(layer.xy[2 * i], side), planeToPy(layer.xy[2 * i + 1], side), r, label);
      ctx.fillStyle = label === 1 ? BLUE : ORANGE;
      ctx.fill();
      ctx.stroke();
    }
  };
  draw(layer.train, "#ffffff", 1.2 * scale);
  if (layer.showTest) draw(layer.test, INK, 1.8 * scale);
}

/** Faint axes through 0 with ticks every 2 units, labelled at ±2, ±4, ±6 where they fit. */
export function drawPlaneAxes(ctx: CanvasRenderingContext2D, side: number, scale: number, names: [string, string]): void {
  ctx.save();
  ctx.strokeStyle = "rgba(27, 27, 31, 0.35)";
  ctx.fillStyle = "#3a3c42";
  ctx.lineWidth = scale;
  const o = planeToPx(0, side);
  ctx.beginPath();
  ctx.moveTo(0, o);
  ctx.lineTo(side, o);
  ctx.moveTo(o, 0);
  ctx.lineTo(o, side);
  ctx.stroke();
  ctx.font = `${11 * scale}px system-ui, sans-serif`;
  const tick = 4 * scale;
  for (let v = -PLANE_HALF_WIDTH + 2; v < PLANE_HALF_WIDTH; v += 2) {
    if (v === 0) continue;
    const p = planeToPx(v, side);
    ctx.beginPath();
    ctx.moveTo(p, o - tick);
    ctx.lineTo(p, o + tick);
    ctx.moveTo(o - tick, p);
    ctx.lineTo(o + tick, p);
    ctx.stroke();
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.fillText(String(v), p, o + tick + scale);
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    ctx.fillText(String(-v), o + tick + 2 * scale, p);
  }
  ctx.font = `italic ${14 * scale}px system-ui, sans-serif`;
  ctx.fillStyle = INK;
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
  ctx.fillText(names[0], side - 6 * scale, o - 4 * scale);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText(names[1], o + 8 * scale, 6 * scale);
  ctx.restore();
}

/** A weight's look on the diagram: thicker when larger, blue and solid when positive, orange and dashed when negative. */
export function edgeStyle(w: number): { stroke: string; width: number; dash: string } {
  const magnitude = Number.isFinite(w) ? Math.abs(w) : 0;
  return { stroke: w >= 0 ? BLUE : VERMILLION, width: 0.6 + Math.min(magnitude, 4) * 1.4, dash: w >= 0 ? "none" : "5 3" };
}

/** A number as the diagram and its labels print it: 3 significant decimals, no "−0". */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const text = Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text.replace("-", "−");
}

/** A loss as the toolbar prints it. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return "—";
  return v >= 100 ? v.toExponential(1) : v.toFixed(3);
}
