"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * Shared by the plotting views. A Viewport maps data coordinates (y up) to canvas pixels
 * (y down); the hook keeps a canvas's backing store at its on-screen size × devicePixelRatio,
 * so plots stay sharp on phones and projectors.
 */
export interface Viewport {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  width: number;
  height: number;
}

export const toPx = (vp: Viewport, x: number) => ((x - vp.xMin) / (vp.xMax - vp.xMin)) * vp.width;
export const toPy = (vp: Viewport, y: number) => (1 - (y - vp.yMin) / (vp.yMax - vp.yMin)) * vp.height;
export const fromPx = (vp: Viewport, px: number) => vp.xMin + (px / vp.width) * (vp.xMax - vp.xMin);
export const fromPy = (vp: Viewport, py: number) => vp.yMin + (1 - py / vp.height) * (vp.yMax - vp.yMin);

export function useCanvasSize(ref: RefObject<HTMLCanvasElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0, dpr: 1 });
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const update = () => {
      const dpr = window.devicePixelRatio || 1;
      const width = Math.round(canvas.clientWidth * dpr);
      const height = Math.round(canvas.clientHeight * dpr);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      setSize((s) => (s.width === width && s.height === height && s.dpr === dpr ? s : { width, height, dpr }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
