// Features by hand, then learned (issue 14, kind 4): how long the slowest committed answer of each
// level takes to train in headless Chromium, with the very code the page runs (core/kinds/features
// bundled by esbuild) on points drawn as the server draws them. The view then plays the recorded
// run back (at most 40 frames of 30 ms); this measures the training itself, the part that depends on the machine.
//
//   node bench/features-training.mjs [--attempts 6]
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { tsImport } from "tsx/esm/api";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { ensureChromium } from "../scripts/ensure-chromium.mjs";

const { values: flags } = parseArgs({ options: { attempts: { type: "string", default: "6" } } });
const [{ findLevel }, { drawInstance, featuresConfig }] = await Promise.all([
  tsImport("../core/levels/catalog.ts", import.meta.url),
  tsImport("../core/kinds/features/index.ts", import.meta.url),
]);
const bundle = await build({
  entryPoints: ["core/kinds/features/public.ts"],
  bundle: true,
  write: false,
  format: "iife",
  globalName: "features",
  platform: "browser",
});
const browser = await chromium.launch(chromiumLaunchOptions(ensureChromium()));
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  // The largest answer of each level: two features by hand; sixteen hidden units learned.
  const cases = [
    ["features-by-hand", { mode: "hand", features: ["x1sq", "x2sq"] }],
    ["features-learned", { mode: "learned", hidden: 16, activation: "relu", prediction: "" }],
  ];
  for (const [id, answer] of cases) {
    const level = findLevel(id);
    const times = [];
    for (let i = 0; i < Number(flags.attempts); i++) {
      const view = drawInstance(level, featuresConfig.parse(level.config), `bench-${i}`).view;
      times.push(
        await page.evaluate(
          ([v, a]) => {
            const t0 = performance.now();
            /** @type {any} */ (window).features.trainAnswer(v, a);
            return performance.now() - t0;
          },
          [view, answer],
        ),
      );
    }
    times.sort((a, b) => a - b);
    console.log(
      `${id}: ${JSON.stringify(answer)} trains in ${times[Math.floor(times.length / 2)].toFixed(0)} ms (median), ${times[times.length - 1].toFixed(0)} ms (slowest of ${times.length})`,
    );
  }
} finally {
  await browser.close();
}
