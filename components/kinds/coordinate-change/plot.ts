/**
 * Canvas drawing for the coordinate-change view. A Viewport maps data coordinates (y up) to
 * canvas pixels (y down); everything else draws through it.
 */
export { fromPx, fromPy, toPx, toPy, type Viewport } from "../canvas";
import { fromPx, fromPy, toPx, toPy, type Viewport } from "../canvas";

const REGION_RGBA = [86, 180, 233, 72] as const; // sky blue at 28%: where the rule says "black"
const WRONG = "#d55e00"; // vermillion ring: misclassified

// One small scratch canvas, reused: the region is computed at low resolution into it and then
// drawn scaled in a single call, which costs far less to rasterise than thousands of rectangles.
let scratch: HTMLCanvasElement | null = null;

/** Shades the cells of a coarse grid whose centre the rule calls black. */
export function shadeRegion(ctx: CanvasRenderingContext2D, vp: Viewport, isBlack: (x: number, y: number) => boolean, cells = 96) {
  scratch ??= document.createElement("canvas");
  if (scratch.width !== cells) scratch.width = scratch.height = cells;
  const sctx = scratch.getContext("2d")!;
  const image = sctx.createImageData(cells, cells);
  const cw = vp.width / cells;
  const ch = vp.height / cells;
  for (let j = 0; j < cells; j++) {
    const y = fromPy(vp, (j + 0.5) * ch);
    for (let i = 0; i < cells; i++) {
      if (!isBlack(fromPx(vp, (i + 0.5) * cw), y)) continue;
      const o = 4 * (j * cells + i);
      image.data[o] = REGION_RGBA[0];
      image.data[o + 1] = REGION_RGBA[1];
      image.data[o + 2] = REGION_RGBA[2];
      image.data[o + 3] = REGION_RGBA[3];
    }
  }
  sctx.putImageData(image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, cells, cells, 0, 0, vp.width, vp.height);
  ctx.restore();
}

/**
 * Black points filled, white points hollow, misclassified ones ringed: readable without colour.
 * One small path per point: measured in bench/canvas-raster.mjs, a single path with hundreds of
 * circles records faster but rasterises slower, and rasterising is the larger cost.
 */
export function drawPoints(ctx: CanvasRenderingContext2D, vp: Viewport, coords: Float64Array, labels: ArrayLike<number>, wrong: Uint8Array, radius: number) {
  ctx.lineWidth = Math.max(1, radius / 3);
  ctx.strokeStyle = "#1b1b1f";
  for (let i = 0; i < labels.length; i++) {
    ctx.beginPath();
    ctx.arc(toPx(vp, coords[2 * i]), toPy(vp, coords[2 * i + 1]), radius, 0, 2 * Math.PI);
    ctx.fillStyle = labels[i] === 1 ? "#1b1b1f" : "#ffffff";
    ctx.fill();
    ctx.stroke();
  }
  ctx.lineWidth = Math.max(2, radius / 1.6);
  ctx.strokeStyle = WRONG;
  ctx.beginPath();
  for (let i = 0; i < labels.length; i++) {
    if (!wrong[i]) continue;
    const px = toPx(vp, coords[2 * i]);
    const py = toPy(vp, coords[2 * i + 1]);
    ctx.moveTo(px + radius * 2, py);
    ctx.arc(px, py, radius * 2, 0, 2 * Math.PI);
  }
  ctx.stroke();
}

/** A line through (x, y) along (dx, dy), long enough to cross the whole view. */
export function drawLine(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  x: number,
  y: number,
  dx: number,
  dy: number,
  style: string,
  width: number,
  dash: number[] = [],
) {
  const reach = 4 * Math.max(vp.xMax - vp.xMin, vp.yMax - vp.yMin);
  ctx.save();
  ctx.strokeStyle = style;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(toPx(vp, x - dx * reach), toPy(vp, y - dy * reach));
  ctx.lineTo(toPx(vp, x + dx * reach), toPy(vp, y + dy * reach));
  ctx.stroke();
  ctx.restore();
}

export function drawArrowLabel(
  ctx: CanvasRenderingContext2D,
  fromX: number,
  fromY: number,
  toX: number,
  toY: number,
  label: string,
  colour: string,
  scale: number,
) {
  const angle = Math.atan2(toY - fromY, toX - fromX);
  const head = 12 * scale;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 3 * scale;
  ctx.beginPath();
  ctx.moveTo(fromX, fromY);
  ctx.lineTo(toX, toY);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(toX, toY);
  ctx.lineTo(toX - head * Math.cos(angle - 0.4), toY - head * Math.sin(angle - 0.4));
  ctx.lineTo(toX - head * Math.cos(angle + 0.4), toY - head * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
  ctx.font = `700 ${16 * scale}px system-ui, sans-serif`;
  ctx.fillText(label, toX + 8 * scale * Math.cos(angle) - 4 * scale, toY + 8 * scale * Math.sin(angle) + 5 * scale);
  ctx.restore();
}

export function drawAxisNames(ctx: CanvasRenderingContext2D, vp: Viewport, xName: string, yName: string, scale: number) {
  ctx.save();
  ctx.fillStyle = "#55585f";
  ctx.font = `${13 * scale}px system-ui, sans-serif`;
  ctx.textAlign = "right";
  ctx.fillText(`${xName} →`, vp.width - 6 * scale, vp.height - 6 * scale);
  ctx.textAlign = "left";
  ctx.fillText(`↑ ${yName}`, 6 * scale, 16 * scale);
  ctx.restore();
}
