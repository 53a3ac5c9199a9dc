// A side experiment (not part of `npm run bench`): what Chromium's canvas rasterization costs for
// each kind of thing the coordinate-change view draws, on one canvas at the desktop and phone
// backing-store sizes, and for a few ways of drawing it: the region as 64×64 translucent cells or
// as one scaled 96×96 image; 500 points as one path each (fill + stroke) or as two batched paths
// (black, white) or stamped from two pre-drawn sprites with drawImage; rings around a quarter of
// them. One frame per requestAnimationFrame; the renderer main thread's CPU time in
// LayerTreeHost::DoUpdateLayers (where the canvas recording is rasterized) comes from a trace.
//   node bench/canvas-raster.mjs
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { ensureChromium } from "../scripts/ensure-chromium.mjs";
import { table } from "./lib/stats.mjs";

/**
 * Runs in the page: draws one variant for 40 animation frames on the canvas #c and resolves with
 * the mean JavaScript (recording) time per frame. Self-contained, as page.evaluate requires.
 * @param {{ variant: string, size: number, dpr: number }} options
 * @returns {Promise<number>}
 */
function drawFrames({ variant, size, dpr }) {
  return new Promise((resolve) => {
    const ctx = /** @type {HTMLCanvasElement} */ (document.getElementById("c")).getContext("2d");
    if (!ctx) throw new Error("no 2D context");
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pts = Array.from({ length: 500 }, (_, i) => [rand() * size, rand() * size, i % 2]);
    const r = 4 * dpr;
    /** @param {string} fill */
    const sprite = (fill) => {
      const c = document.createElement("canvas");
      c.width = c.height = Math.ceil(2 * r + 2 * dpr);
      const g = /** @type {CanvasRenderingContext2D} */ (c.getContext("2d"));
      g.lineWidth = Math.max(1, r / 3);
      g.beginPath();
      g.arc(c.width / 2, c.height / 2, r, 0, 2 * Math.PI);
      g.fillStyle = fill;
      g.fill();
      g.strokeStyle = "#1b1b1f";
      g.stroke();
      return c;
    };
    const sprites = [sprite("#ffffff"), sprite("#1b1b1f")];
    const small = document.createElement("canvas");
    small.width = small.height = 96;
    const sctx = /** @type {CanvasRenderingContext2D} */ (small.getContext("2d"));
    /** One painter per variant; `dx` shifts the drawing a little each frame so nothing is cached. */
    /** @type {Record<string, (dx: number) => void>} */
    const painters = {
      "nothing (clear only)": () => {},
      "region: 64×64 cells": (dx) => {
        ctx.fillStyle = "rgba(86, 180, 233, 0.28)";
        const cw = size / 64;
        for (let i = 0; i < 64; i++)
          for (let j = 0; j < 64; j++)
            if (i + j < 64 + dx)
              ctx.fillRect(
                Math.round(i * cw),
                Math.round(j * cw),
                Math.round((i + 1) * cw) - Math.round(i * cw),
                Math.round((j + 1) * cw) - Math.round(j * cw),
              );
      },
      "region: one scaled image": (dx) => {
        const image = sctx.createImageData(96, 96);
        for (let j = 0; j < 96; j++) for (let i = 0; i < 96; i++) if (i + j < 96 + dx) image.data.set([86, 180, 233, 72], 4 * (j * 96 + i));
        sctx.putImageData(image, 0, 0);
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(small, 0, 0, 96, 96, 0, 0, size, size);
      },
      "points: one path each": (dx) => {
        ctx.lineWidth = Math.max(1, r / 3);
        for (const [x, y, l] of pts) {
          ctx.beginPath();
          ctx.arc(x + dx, y, r, 0, 2 * Math.PI);
          ctx.fillStyle = l ? "#1b1b1f" : "#ffffff";
          ctx.fill();
          ctx.strokeStyle = "#1b1b1f";
          ctx.stroke();
        }
      },
      "points: two batched paths": (dx) => {
        ctx.lineWidth = Math.max(1, r / 3);
        ctx.strokeStyle = "#1b1b1f";
        for (const label of [0, 1]) {
          ctx.beginPath();
          for (const [x, y, l] of pts) {
            if (l !== label) continue;
            ctx.moveTo(x + dx + r, y);
            ctx.arc(x + dx, y, r, 0, 2 * Math.PI);
          }
          ctx.fillStyle = label ? "#1b1b1f" : "#ffffff";
          ctx.fill();
          ctx.stroke();
        }
      },
      "points: sprites (drawImage)": (dx) => {
        const half = sprites[0].width / 2;
        for (const [x, y, l] of pts) ctx.drawImage(sprites[l], Math.round(x + dx - half), Math.round(y - half));
      },
      "rings (125 points, one path)": (dx) => {
        ctx.lineWidth = Math.max(2, r / 1.6);
        ctx.strokeStyle = "#d55e00";
        ctx.beginPath();
        for (const [x, y] of pts.slice(0, 125)) {
          ctx.moveTo(x + dx + 2 * r, y);
          ctx.arc(x + dx, y, 2 * r, 0, 2 * Math.PI);
        }
        ctx.stroke();
      },
    };
    const paint = painters[variant];
    if (!paint) throw new Error(`unknown variant "${variant}"`);
    let frame = 0;
    let js = 0;
    const draw = () => {
      const t = performance.now();
      ctx.clearRect(0, 0, size, size);
      paint(frame % 7);
      js += performance.now() - t;
      if (++frame < 40) requestAnimationFrame(draw);
      else resolve(js / frame);
    };
    requestAnimationFrame(draw);
  });
}

const browser = await chromium.launch(chromiumLaunchOptions(ensureChromium()));
const rows = [];
try {
  for (const { label, css, dpr } of [
    { label: "desktop @1x", css: 368, dpr: 1 },
    { label: "phone @3x", css: 368, dpr: 3 },
  ]) {
    const context = await browser.newContext({ viewport: { width: 800, height: 800 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    const size = css * dpr;
    await page.setContent(`<canvas id="c" width="${size}" height="${size}" style="width:${css}px;height:${css}px"></canvas>`);
    for (const variant of [
      "nothing (clear only)",
      "region: 64×64 cells",
      "region: one scaled image",
      "points: one path each",
      "points: two batched paths",
      "points: sprites (drawImage)",
      "rings (125 points, one path)",
    ]) {
      await browser.startTracing(page, { categories: ["toplevel", "benchmark", "blink"] });
      const jsMs = await page.evaluate(drawFrames, { variant, size, dpr });
      const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
      const commits = (trace.traceEvents ?? trace).filter((e) => e.ph === "X" && e.name === "LayerTreeHost::DoUpdateLayers");
      const rasterMs = commits.reduce((a, e) => a + (e.tdur ?? e.dur), 0) / commits.length / 1000;
      rows.push([`${label} (${size}×${size})`, variant, jsMs.toFixed(2), rasterMs.toFixed(2)]);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`Chromium ${browser.version?.() ?? ""}: one canvas, ms per frame`);
console.log(table(["canvas", "draws", "JS (recording)", "raster at commit (CPU)"], rows));
