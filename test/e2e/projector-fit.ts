import type { Page } from "@playwright/test";
import { expect, screenshot } from "./helpers";

// What a projector must be (issue 12): every host phase fits a 1920×1080 and a 1024×768 projector
// without scrolling, nothing is cut off, and no visible text is under 32 px at 1920 wide (28 px at
// 1024). Shared by the projector's tests (projector.spec.ts, live-new-kinds.spec.ts).

export const SIZES = [
  { width: 1920, height: 1080, floor: 32 },
  { width: 1024, height: 768, floor: 28 },
] as const;

export interface Fit {
  tooSmall: string[];
  scrolls: boolean;
  /** Boxes whose content is cut off (taller or wider than the box): hidden is not fitting. */
  clipped: string[];
}

/** Walks every visible text node: its effective font size (SVG text scaled by its drawing), and whether the page scrolls. */
export function measure(page: Page, floor: number): Promise<Fit> {
  return page.evaluate((floor) => {
    const tooSmall: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      if (rects.length === 0) continue; // screen-reader-only text, clipped to a pixel
      let size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < floor - 0.5) tooSmall.push(`"${text.slice(0, 40)}" ${size.toFixed(1)}px`);
    }
    const root = document.documentElement;
    const clipped = [...document.querySelectorAll<HTMLElement>("main *")]
      .filter((el) => el.checkVisibility() && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && el.clientHeight > 0)
      .filter((el) => getComputedStyle(el).overflow !== "visible" && !(el instanceof SVGElement) && !el.classList.contains("sr-only"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${el.scrollHeight} > ${el.clientHeight})`);
    return { tooSmall, scrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth, clipped };
  }, floor);
}

/** Checks the phase at both projector sizes, and screenshots it. */
export async function checkPhase(host: Page, name: string) {
  for (const size of SIZES) {
    await host.setViewportSize({ width: size.width, height: size.height });
    await expect
      .poll(async () => measure(host, size.floor), { message: `${name} at ${size.width}×${size.height}`, timeout: 5_000 })
      .toEqual({ tooSmall: [], scrolls: false, clipped: [] });
    await screenshot(host, `projector-${name}-${size.width}`, { fullPage: false });
  }
}
