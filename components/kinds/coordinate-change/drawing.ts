import type { CoordinateChangeAnswer } from "@/core/kinds/coordinate-change/public";
import { applyTransform, predictBlack, type Rule } from "@/core/kinds/coordinate-change/public-math";
import { drawArrowLabel, drawAxisNames, drawLine, drawPoints, shadeRegion, toPx, toPy, type Viewport } from "./plot";

/** What both plots show of the points: their classes, and which ones the rule gets wrong. */
export interface Marks {
  labels: Uint8Array;
  wrong: Uint8Array;
}

/**
 * The "before" plot: the points in their features, the region the rule calls black, and the new
 * axes drawn in the old coordinates (x′ along (cos, sin), y′ along (−sin, cos)) with the origin's
 * handle. `s` is the device pixel ratio.
 */
export function drawBefore(
  ctx: CanvasRenderingContext2D,
  vp: Viewport,
  s: number,
  scene: Marks & { answer: CoordinateChangeAnswer; features: Float64Array; axisNames: [string, string]; canMove: boolean },
): void {
  const { answer } = scene;
  ctx.clearRect(0, 0, vp.width, vp.height);
  const cell = new Float64Array(2);
  const out = new Float64Array(2);
  shadeRegion(ctx, vp, (x, y) => {
    cell[0] = x;
    cell[1] = y;
    applyTransform(cell, answer, out);
    return predictBlack(answer.rule, out[0], out[1]);
  });
  drawLine(ctx, vp, 0, 0, 1, 0, "#c4c6cc", 1 * s);
  drawLine(ctx, vp, 0, 0, 0, 1, "#c4c6cc", 1 * s);
  drawAxisNames(ctx, vp, scene.axisNames[0], scene.axisNames[1], s);
  drawPoints(ctx, vp, scene.features, scene.labels, scene.wrong, 4 * s);
  const rad = (answer.angleDeg * Math.PI) / 180;
  const [ox, oy] = answer.shift;
  const sx = Math.sign(answer.scale[0]) || 1;
  const sy = Math.sign(answer.scale[1]) || 1;
  drawLine(ctx, vp, ox, oy, -Math.sin(rad), Math.cos(rad), "#0072b2", 2 * s, [8 * s, 6 * s]);
  drawLine(ctx, vp, ox, oy, Math.cos(rad), Math.sin(rad), "#0072b2", 1.5 * s);
  const opx = toPx(vp, ox);
  const opy = toPy(vp, oy);
  // Arrows of the same length on screen, even when the two axes have very different ranges.
  const reach = 0.3 * Math.min(vp.width, vp.height);
  const arrowEnd = (dx: number, dy: number): [number, number] => {
    const ex = toPx(vp, ox + dx) - opx;
    const ey = toPy(vp, oy + dy) - opy;
    const length = Math.hypot(ex, ey) || 1;
    return [opx + (ex / length) * reach, opy + (ey / length) * reach];
  };
  drawArrowLabel(ctx, opx, opy, ...arrowEnd(sx * Math.cos(rad), sx * Math.sin(rad)), "x′", "#0072b2", s);
  drawArrowLabel(ctx, opx, opy, ...arrowEnd(-sy * Math.sin(rad), sy * Math.cos(rad)), "y′", "#0072b2", s);
  ctx.beginPath();
  ctx.arc(opx, opy, 9 * s, 0, 2 * Math.PI);
  ctx.fillStyle = scene.canMove ? "#56b4e9" : "#c4c6cc";
  ctx.fill();
  ctx.lineWidth = 3 * s;
  ctx.strokeStyle = "#0072b2";
  ctx.stroke();
}

/** The viewport of the "after" plot: the new coordinates around the new origin, so a rotation never changes the zoom. */
export function afterViewport(transformed: Float64Array, equalAspect: boolean, width: number, height: number): Viewport {
  let ex = 0;
  let ey = 0;
  let radius = 0;
  for (let i = 0; i < transformed.length; i += 2) {
    ex = Math.max(ex, Math.abs(transformed[i]));
    ey = Math.max(ey, Math.abs(transformed[i + 1]));
    radius = Math.max(radius, Math.hypot(transformed[i], transformed[i + 1]));
  }
  if (equalAspect) ex = ey = radius;
  ex = (ex || 1) * 1.08;
  ey = (ey || 1) * 1.08;
  return { xMin: -ex, xMax: ex, yMin: -ey, yMax: ey, width, height };
}

/** The "after" plot: the points in the new coordinates (x′, y′), where the rule reads them directly. */
export function drawAfter(ctx: CanvasRenderingContext2D, vp: Viewport, s: number, scene: Marks & { transformed: Float64Array; rule: Rule }): void {
  ctx.clearRect(0, 0, vp.width, vp.height);
  shadeRegion(ctx, vp, (x, y) => predictBlack(scene.rule, x, y));
  drawLine(ctx, vp, 0, 0, 1, 0, "#0072b2", 1.5 * s);
  drawLine(ctx, vp, 0, 0, 0, 1, "#0072b2", 2 * s, [8 * s, 6 * s]);
  drawAxisNames(ctx, vp, "x′", "y′", s);
  drawPoints(ctx, vp, scene.transformed, scene.labels, scene.wrong, 4 * s);
}
