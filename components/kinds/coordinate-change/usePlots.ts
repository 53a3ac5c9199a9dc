import { useLayoutEffect, useRef, type RefObject } from "react";
import type { CoordinateChangeAnswer } from "@/core/kinds/coordinate-change/public";
import type { Dataset2D } from "@/core/datasets/types";
import { useCanvasSize } from "../canvas";
import { afterViewport, drawAfter, drawBefore, type Marks } from "./drawing";
import { axisName, type PlotBox } from "./geometry";
import type { Viewport } from "./plot";

export interface PlotsInput extends Marks {
  answer: CoordinateChangeAnswer;
  dataset: Dataset2D;
  /** The points' features in the answer's representation, and the region the "before" plot shows. */
  features: Float64Array;
  featureBox: PlotBox;
  /** The features in the answer's new coordinates. */
  transformed: Float64Array;
  canMove: boolean;
}

/**
 * Draws both plots whenever what they show changes, before the browser paints (a drag step's
 * measure includes the redraw). Returns the "before" canvas's size and last viewport, which
 * gestures need to turn pointer positions into coordinates.
 */
export function usePlots(beforeRef: RefObject<HTMLCanvasElement | null>, afterRef: RefObject<HTMLCanvasElement | null>, input: PlotsInput) {
  const { answer, dataset, features, featureBox, transformed, labels, wrong, canMove } = input;
  const beforeSize = useCanvasSize(beforeRef);
  const afterSize = useCanvasSize(afterRef);
  const beforeViewport = useRef<Viewport | null>(null);

  useLayoutEffect(() => {
    const ctx = beforeRef.current?.getContext("2d");
    if (!ctx || beforeSize.width === 0) return;
    const vp: Viewport = { ...featureBox, width: beforeSize.width, height: beforeSize.height };
    beforeViewport.current = vp;
    const axisNames: [string, string] = [axisName(answer.representation, dataset.axes, 0), axisName(answer.representation, dataset.axes, 1)];
    drawBefore(ctx, vp, beforeSize.dpr, { answer, features, labels, wrong, axisNames, canMove });
  }, [beforeRef, answer, featureBox, features, labels, wrong, beforeSize, canMove, dataset]);

  useLayoutEffect(() => {
    const ctx = afterRef.current?.getContext("2d");
    if (!ctx || afterSize.width === 0) return;
    const vp = afterViewport(transformed, featureBox.equalAspect, afterSize.width, afterSize.height);
    drawAfter(ctx, vp, afterSize.dpr, { transformed, labels, wrong, rule: answer.rule });
  }, [afterRef, transformed, labels, wrong, afterSize, answer.rule, featureBox]);

  return { beforeSize, beforeViewport };
}
