"use client";

import { type RefObject, useLayoutEffect } from "react";

/**
 * A drawing's labels, readable however small the drawing is drawn. They are sized in the drawing's
 * units, which scale with it: each label keeps its own size while that reads, and grows to the floor
 * (`floorPx`, or the font size of `box`, the element around the drawing or the drawing itself) only
 * when the drawing is small. Growing every label would overrun the gaps a drawing leaves for them.
 * `drawn` changes when the drawing draws new labels, which then need sizing again.
 */
export function useLabelFloor(box: RefObject<Element | null>, drawn: unknown, floorPx?: number) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drawing draws new labels, which need sizing again
  useLayoutEffect(() => {
    const stage = box.current;
    if (!stage) return;
    const sizeLabels = () => {
      const svg = stage instanceof SVGSVGElement ? stage : stage.querySelector("svg");
      const m = svg?.getScreenCTM();
      if (!svg || !m) return;
      const scale = Math.hypot(m.a, m.b);
      const floor = floorPx ?? Number.parseFloat(getComputedStyle(stage).fontSize);
      for (const text of svg.querySelectorAll("text")) {
        text.style.fontSize = "";
        const own = Number.parseFloat(getComputedStyle(text).fontSize);
        text.style.fontSize = `${Math.max(own, (floor + 0.5) / scale)}px`;
      }
    };
    sizeLabels();
    const observer = new ResizeObserver(sizeLabels);
    observer.observe(stage);
    return () => observer.disconnect();
  }, [box, drawn, floorPx]);
}
