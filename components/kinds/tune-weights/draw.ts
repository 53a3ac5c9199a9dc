/**
 * Canvas drawing for the tune-weights view. Everything maps data coordinates (y up) to canvas
 * pixels (y down) through a Viewport. The decision heatmap is computed on a 100×100 grid into one
 * ImageData and drawn scaled in a single call; its p = 0.5 contour is traced by marching squares
 * on the same grid, so a slider step costs one grid of forward passes and a few draw calls.
 */
export { toPx, toPy, type Viewport } from "../canvas";
import { toPx, toPy, type Viewport } from "../canvas";

export const INK = "#1b1b1f";
const GRID = "#c4c6cc";
const WRONG = "#d55e00"; // vermillion ring: a point on the wrong side
const LINE = "#0072b2";

// Okabe–Ito sky blue (the network says black) and orange (it says white), faded towards white
// as the network becomes unsure: 256 precomputed colours, looked up per cell.
const SAYS_BLACK = [86, 180, 233];
const SAYS_WHITE = [230, 159, 0];
const palette = (() => {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) {
    const p = k / 255;
    const [rgb, strength] = p >= 0.5 ? [SAYS_BLACK, (p - 0.5) * 2 * 0.62] : [SAYS_WHITE, (0.5 - p) * 2 * 0.5];
    for (let c = 0; c < 3; c++) lut[4 * k + c] = Math.round(255 + (rgb[c] - 255) * strength);
    lut[4 * k + 3] = 255;
  }
  return lut;
})();

let scratch: HTMLCanvasElement | null = null;
let scratchImage: ImageData | null = null;

/** Paints the probabilities (row 0 at the top) over the whole canvas, smoothly scaled up. */
export function drawHeatmap(ctx: CanvasRenderingContext2D, vp: Viewport, probabilities: Float32Array, size: number): void {
  scratch ??= document.createElement("canvas");
  if (scratch.width !== size) scratch.width = scratch.height = size;
  const sctx = scratch.getContext("2d")!;
  if (!scratchImage || scratchImage.width !== size) scratchImage = sctx.createImageData(size, size);
  const data = scratchImage.data;
  for (let k = 0; k < size * size; k++) {
    const o = 4 * ((probabilities[k] * 255 + 0.5) | 0);
    data[4 * k] = palette[o];
    data[4 * k + 1] = palette[o + 1];
    data[4 * k + 2] = palette[o + 2];
    data[4 * k + 3] = 255;
  }
  sctx.putImageData(scratchImage, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch, 0, 0, size, size, 0, 0, vp.width, vp.height);
  ctx.restore();
}

/**
 * The p = 0.5 line by marching squares over the grid's cell centres: one path, stroked once.
 * Saddle cells (two crossings on each diagonal) just join their crossings in order.
 */
export function drawBoundary(ctx: CanvasRenderingContext2D, vp: Viewport, probabilities: Float32Array, size: number, lineWidth: number): void {
  const cw = vp.width / size;
  const ch = vp.height / size;
  const xs: number[] = [];
  const ys: number[] = [];
  const crossing = (x: number, y: number) => {
    xs.push(x);
    ys.push(y);
  };
  ctx.beginPath();
  for (let j = 0; j < size - 1; j++) {
    for (let i = 0; i < size - 1; i++) {
      const a = probabilities[j * size + i] - 0.5; // top left
      const b = probabilities[j * size + i + 1] - 0.5; // top right
      const c = probabilities[(j + 1) * size + i + 1] - 0.5; // bottom right
      const d = probabilities[(j + 1) * size + i] - 0.5; // bottom left
      if (a > 0 === b > 0 && b > 0 === c > 0 && c > 0 === d > 0) continue;
      xs.length = ys.length = 0;
      const x0 = (i + 0.5) * cw;
      const y0 = (j + 0.5) * ch;
      // Where the 0.5 contour crosses each edge of the cell, by linear interpolation.
      if (a > 0 !== b > 0) crossing(x0 + (a / (a - b)) * cw, y0);
      if (b > 0 !== c > 0) crossing(x0 + cw, y0 + (b / (b - c)) * ch);
      if (d > 0 !== c > 0) crossing(x0 + (d / (d - c)) * cw, y0 + ch);
      if (a > 0 !== d > 0) crossing(x0, y0 + (a / (a - d)) * ch);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        ctx.moveTo(xs[k], ys[k]);
        ctx.lineTo(xs[k + 1], ys[k + 1]);
      }
    }
  }
  ctx.lineWidth = lineWidth;
  ctx.lineCap = "round";
  ctx.strokeStyle = INK;
  ctx.stroke();
}

/** Light axes through 0 with a few labelled ticks, and the axis names at their ends. */
export function drawAxes(ctx: CanvasRenderingContext2D, vp: Viewport, names: [string, string], scale: number): void {
  ctx.save();
  ctx.strokeStyle = GRID;
  ctx.fillStyle = "#55585f";
  ctx.lineWidth = scale;
  ctx.font = `${12 * scale}px system-ui, sans-serif`;
  const ox = Math.min(Math.max(toPx(vp, 0), 0), vp.width);
  const oy = Math.min(Math.max(toPy(vp, 0), 0), vp.height);
  ctx.beginPath();
  ctx.moveTo(0, oy);
  ctx.lineTo(vp.width, oy);
  ctx.moveTo(ox, 0);
  ctx.lineTo(ox, vp.height);
  ctx.stroke();
  const tick = 4 * scale;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let x = Math.ceil(vp.xMin); x <= vp.xMax; x++) {
    const px = toPx(vp, x);
    if (x === 0 || px < 12 * scale || px > vp.width - 12 * scale) continue;
    ctx.beginPath();
    ctx.moveTo(px, oy - tick);
    ctx.lineTo(px, oy + tick);
    ctx.stroke();
    ctx.fillText(String(x), px, oy + tick + scale);
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  for (let y = Math.ceil(vp.yMin); y <= vp.yMax; y++) {
    const py = toPy(vp, y);
    if (y === 0 || py < 12 * scale || py > vp.height - 12 * scale) continue;
    ctx.beginPath();
    ctx.moveTo(ox - tick, py);
    ctx.lineTo(ox + tick, py);
    ctx.stroke();
    ctx.fillText(String(y), ox + tick + 2 * scale, py);
  }
  ctx.font = `italic ${15 * scale}px system-ui, sans-serif`;
  ctx.fillStyle = INK;
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
  ctx.fillText(names[0], vp.width - 6 * scale, oy - 4 * scale);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText(names[1], ox + 8 * scale, 6 * scale);
  ctx.restore();
}

/** Class 1 filled black, class 0 white with a black rim, points on the wrong side ringed: readable without colour. */
export function drawClassPoints(ctx: CanvasRenderingContext2D, vp: Viewport, xs: Float64Array, labels: Float64Array, wrong: Uint8Array, radius: number): void {
  ctx.lineWidth = Math.max(1, radius / 3);
  for (let i = 0; i < labels.length; i++) {
    const px = toPx(vp, xs[2 * i]);
    const py = toPy(vp, xs[2 * i + 1]);
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    ctx.fillStyle = labels[i] === 1 ? INK : "#ffffff";
    ctx.fill();
    ctx.strokeStyle = INK;
    ctx.stroke();
    if (wrong[i]) {
      ctx.beginPath();
      ctx.arc(px, py, radius * 1.9, 0, 2 * Math.PI);
      ctx.strokeStyle = WRONG;
      ctx.lineWidth = Math.max(2, radius / 2);
      ctx.stroke();
      ctx.lineWidth = Math.max(1, radius / 3);
    }
  }
}

/** The points, the line ŷ = w·x + b, and each point's error as a dashed vertical gap. */
export function drawRegression(ctx: CanvasRenderingContext2D, vp: Viewport, xs: Float64Array, ys: Float64Array, w: number, b: number, scale: number): void {
  ctx.save();
  ctx.strokeStyle = WRONG;
  ctx.lineWidth = 1.5 * scale;
  ctx.setLineDash([4 * scale, 3 * scale]);
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const px = toPx(vp, xs[i]);
    ctx.moveTo(px, toPy(vp, ys[i]));
    ctx.lineTo(px, toPy(vp, w * xs[i] + b));
  }
  ctx.stroke();
  ctx.restore();

  ctx.strokeStyle = LINE;
  ctx.lineWidth = 3 * scale;
  ctx.beginPath();
  ctx.moveTo(0, toPy(vp, w * vp.xMin + b));
  ctx.lineTo(vp.width, toPy(vp, w * vp.xMax + b));
  ctx.stroke();

  ctx.fillStyle = INK;
  for (let i = 0; i < xs.length; i++) {
    ctx.beginPath();
    ctx.arc(toPx(vp, xs[i]), toPy(vp, ys[i]), 4.5 * scale, 0, 2 * Math.PI);
    ctx.fill();
  }
}
