"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { coordinateChange, coordinateChangeConfig, levelData, type CoordinateChangeAnswer } from "@/core/kinds/coordinate-change";
import { applyTransform, predictBlack, representationInfo, ruleInfo, type Representation, type Rule } from "@/core/kinds/coordinate-change/math";
import type { KindViewProps } from "../types";
import { useCanvasSize } from "../canvas";
import { drawArrowLabel, drawAxisNames, drawLine, drawPoints, fromPx, fromPy, shadeRegion, toPx, toPy, type Viewport } from "./plot";
import { SearchPanel } from "./SearchPanel";

type Mode = "rotate" | "move";
type Box = { xMin: number; xMax: number; yMin: number; yMax: number };

const wrapDeg = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;
const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The bounding box of interleaved coordinates, padded; squared up when both axes have similar ranges. */
function boxOf(coords: Float64Array, pad = 0.08): Box & { equalAspect: boolean } {
  let xMin = Infinity,
    xMax = -Infinity,
    yMin = Infinity,
    yMax = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    xMin = Math.min(xMin, coords[i]);
    xMax = Math.max(xMax, coords[i]);
    yMin = Math.min(yMin, coords[i + 1]);
    yMax = Math.max(yMax, coords[i + 1]);
  }
  const w = xMax - xMin || 1;
  const h = yMax - yMin || 1;
  const equalAspect = Math.max(w, h) / Math.min(w, h) < 4;
  if (equalAspect) {
    const side = Math.max(w, h) * (1 + 2 * pad);
    const cx = (xMin + xMax) / 2;
    const cy = (yMin + yMax) / 2;
    return { xMin: cx - side / 2, xMax: cx + side / 2, yMin: cy - side / 2, yMax: cy + side / 2, equalAspect };
  }
  return { xMin: xMin - w * pad, xMax: xMax + w * pad, yMin: yMin - h * pad, yMax: yMax + h * pad, equalAspect };
}

export default function CoordinateChangeView({ level, onAnswerChange, initialAnswer, readOnly = false }: KindViewProps<CoordinateChangeAnswer>) {
  const config = useMemo(() => coordinateChangeConfig.parse(level.config), [level]);
  const data = useMemo(() => levelData(level, config), [level, config]);
  const points = data.dataset.points;
  const labels = useMemo(() => Uint8Array.from(points, (p) => p.label), [points]);
  const locked = useMemo(() => new Set(level.lockedControls), [level]);
  const canRotate = !readOnly && !locked.has("rotate");
  const canMove = !readOnly && !locked.has("shift");

  const [answer, setAnswer] = useState<CoordinateChangeAnswer>(() => initialAnswer ?? coordinateChange.initialAnswer(level, config));
  const [mode, setMode] = useState<Mode>(canRotate ? "rotate" : "move");
  useEffect(() => {
    onAnswerChange?.(answer);
  }, [answer, onAnswerChange]);

  // Derived on every step: the new coordinates, and which points the rule gets wrong.
  const features = data.features[answer.representation];
  const featureBox = useMemo(() => (answer.representation === "raw" ? padBox(data.dataset.bounds) : boxOf(features)), [answer.representation, features, data]);
  const transformed = useMemo(() => applyTransform(features, answer), [features, answer]);
  const wrong = useMemo(() => {
    const out = new Uint8Array(points.length);
    for (let i = 0; i < points.length; i++) out[i] = Number(predictBlack(answer.rule, transformed[2 * i], transformed[2 * i + 1]) !== (points[i].label === 1));
    return out;
  }, [transformed, points, answer.rule]);
  const correct = points.length - wrong.reduce((a, b) => a + b, 0);

  const beforeRef = useRef<HTMLCanvasElement>(null);
  const afterRef = useRef<HTMLCanvasElement>(null);
  const beforeSize = useCanvasSize(beforeRef);
  const afterSize = useCanvasSize(afterRef);
  const beforeViewport = useRef<Viewport | null>(null);

  useLayoutEffect(() => {
    const canvas = beforeRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx || beforeSize.width === 0) return;
    const vp: Viewport = { ...featureBox, width: beforeSize.width, height: beforeSize.height };
    beforeViewport.current = vp;
    const s = beforeSize.dpr;
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
    const [axisX, axisY] = representationInfo[answer.representation].axes;
    drawAxisNames(ctx, vp, answer.representation === "raw" ? data.dataset.axes.x : axisX, answer.representation === "raw" ? data.dataset.axes.y : axisY, s);
    drawPoints(ctx, vp, features, labels, wrong, 4 * s);
    // The new axes, drawn in the old coordinates: x′ along (cos, sin), y′ along (−sin, cos).
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
    ctx.fillStyle = canMove ? "#56b4e9" : "#c4c6cc";
    ctx.fill();
    ctx.lineWidth = 3 * s;
    ctx.strokeStyle = "#0072b2";
    ctx.stroke();
  }, [answer, featureBox, features, labels, wrong, beforeSize, canMove, data]);

  useLayoutEffect(() => {
    const canvas = afterRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx || afterSize.width === 0) return;
    // Fit the new coordinates around the new origin; a rotation never changes the zoom.
    let ex = 0,
      ey = 0,
      radius = 0;
    for (let i = 0; i < transformed.length; i += 2) {
      ex = Math.max(ex, Math.abs(transformed[i]));
      ey = Math.max(ey, Math.abs(transformed[i + 1]));
      radius = Math.max(radius, Math.hypot(transformed[i], transformed[i + 1]));
    }
    if (featureBox.equalAspect !== false) ex = ey = radius;
    ex = (ex || 1) * 1.08;
    ey = (ey || 1) * 1.08;
    const vp: Viewport = { xMin: -ex, xMax: ex, yMin: -ey, yMax: ey, width: afterSize.width, height: afterSize.height };
    const s = afterSize.dpr;
    ctx.clearRect(0, 0, vp.width, vp.height);
    shadeRegion(ctx, vp, (x, y) => predictBlack(answer.rule, x, y));
    drawLine(ctx, vp, 0, 0, 1, 0, "#0072b2", 1.5 * s);
    drawLine(ctx, vp, 0, 0, 0, 1, "#0072b2", 2 * s, [8 * s, 6 * s]);
    drawAxisNames(ctx, vp, "x′", "y′", s);
    drawPoints(ctx, vp, transformed, labels, wrong, 4 * s);
  }, [transformed, labels, wrong, afterSize, answer.rule, featureBox]);

  // Every change goes through here. During a drag, flushSync renders and redraws before the
  // handler returns, so the "coordinate-change:step" measure covers the whole step.
  const update = useCallback((change: (a: CoordinateChangeAnswer) => CoordinateChangeAnswer, measured = false) => {
    if (!measured) return setAnswer(change);
    const start = performance.now();
    flushSync(() => setAnswer(change));
    performance.measure("coordinate-change:step", { start });
  }, []);

  const clampShift = useCallback(
    (x: number, y: number): [number, number] => [
      Math.min(featureBox.xMax, Math.max(featureBox.xMin, x)),
      Math.min(featureBox.yMax, Math.max(featureBox.yMin, y)),
    ],
    [featureBox],
  );

  const drag = useRef<{ kind: Mode; x: number; y: number } | null>(null);
  const pointerData = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const vp = beforeViewport.current!;
    const rect = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / rect.width) * vp.width;
    const py = ((event.clientY - rect.top) / rect.height) * vp.height;
    return { x: fromPx(vp, px), y: fromPy(vp, py), px, py, vp };
  };

  function onPointerDown(event: React.PointerEvent<HTMLCanvasElement>) {
    if (!beforeViewport.current) return;
    const { x, y, px, py, vp } = pointerData(event);
    const nearOrigin = Math.hypot(px - toPx(vp, answer.shift[0]), py - toPy(vp, answer.shift[1])) < 22 * beforeSize.dpr;
    const kind: Mode = canMove && (nearOrigin || mode === "move" || !canRotate) ? "move" : "rotate";
    if (kind === "rotate" && !canRotate) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { kind, x, y };
  }

  function onPointerMove(event: React.PointerEvent<HTMLCanvasElement>) {
    const last = drag.current;
    if (!last) return;
    const { x, y, vp } = pointerData(event);
    drag.current = { ...last, x, y };
    if (last.kind === "move") {
      update((a) => ({ ...a, shift: clampShift(a.shift[0] + x - last.x, a.shift[1] + y - last.y) }), true);
    } else {
      // Turn by the angle the pointer swept around the origin, measured on screen.
      const [ox, oy] = answer.shift;
      const sx = vp.width / (vp.xMax - vp.xMin);
      const sy = vp.height / (vp.yMax - vp.yMin);
      const before = Math.atan2((last.y - oy) * sy, (last.x - ox) * sx);
      const after = Math.atan2((y - oy) * sy, (x - ox) * sx);
      const deltaDeg = ((after - before) * 180) / Math.PI;
      update((a) => ({ ...a, angleDeg: round(wrapDeg(a.angleDeg + deltaDeg), 2) }), true);
    }
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLCanvasElement>) {
    if (event.key === "r" && canRotate) return setMode("rotate");
    if (event.key === "m" && canMove) return setMode("move");
    const dirs: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const dir = dirs[event.key];
    if (!dir) return;
    event.preventDefault();
    const big = event.shiftKey ? 10 : 1;
    if (mode === "rotate" && canRotate) {
      // Left/up turn the axes counter-clockwise, right/down clockwise.
      const turn = dir[0] !== 0 ? -dir[0] : dir[1];
      update((a) => ({ ...a, angleDeg: round(wrapDeg(a.angleDeg + turn * big), 2) }));
    } else if (canMove) {
      const stepX = ((featureBox.xMax - featureBox.xMin) / 100) * big;
      const stepY = ((featureBox.yMax - featureBox.yMin) / 100) * big;
      update((a) => ({ ...a, shift: clampShift(round(a.shift[0] + dir[0] * stepX, 4), round(a.shift[1] + dir[1] * stepY, 4)) }));
    }
  }

  const setRepresentation = (representation: Representation) =>
    // Each representation has its own feature space, so the origin starts over.
    update((a) => ({ ...a, representation, shift: [0, 0] }));

  const shiftStep = (featureBox.xMax - featureBox.xMin) / 400;
  const shiftStepY = (featureBox.yMax - featureBox.yMin) / 400;
  const accuracy = correct / points.length;
  const keyHelp = [
    canRotate && "←/→ turn the axes (Shift: 10°)",
    canMove && (canRotate ? "M then arrows move the origin, R to turn again" : "arrows move the origin (Shift: faster)"),
  ]
    .filter(Boolean)
    .join("; ");

  return (
    <div data-testid="kind-view">
      <div className="scoreline" aria-live="polite">
        <span className="accuracy" data-testid="live-accuracy">
          Accuracy {(accuracy * 100).toFixed(1)}%
        </span>
        <span className="muted">
          {correct} of {points.length} points right with the rule “{ruleInfo[answer.rule]}”
        </span>
      </div>
      <div className="legend" aria-hidden="true">
        <span>
          <i className="dot black" /> black point
        </span>
        <span>
          <i className="dot white" /> white point
        </span>
        <span>
          <i className="dot wrong" /> wrongly classified
        </span>
        <span>
          <i className="swatch" /> where the rule says “black”
        </span>
      </div>
      <div className="plots">
        <div className="plot">
          <h3>
            Before: {answer.representation === "raw" ? "the points as given" : representationInfo[answer.representation].label}
            {readOnly ? "" : " — drag here"}
          </h3>
          <canvas
            ref={beforeRef}
            className={readOnly ? undefined : "interactive"}
            data-testid="before-canvas"
            tabIndex={readOnly ? -1 : 0}
            role="application"
            aria-label={`Points and your new axes. ${keyHelp}.`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => (drag.current = null)}
            onPointerCancel={() => (drag.current = null)}
            onKeyDown={onKeyDown}
          />
          {!readOnly && (
            <p className="muted" style={{ fontSize: "0.9rem" }}>
              {canRotate && canMove
                ? "Drag to turn the axes; drag the round handle to move the origin. "
                : canRotate
                  ? "Drag anywhere to turn the axes. "
                  : "Drag to move the origin. "}
              Keyboard: click the plot, then {keyHelp}.
            </p>
          )}
        </div>
        <div className="plot">
          <h3>After: your new coordinates (x′, y′)</h3>
          <canvas
            ref={afterRef}
            data-testid="after-canvas"
            aria-label={`The points in the new coordinates: ${correct} of ${points.length} classified correctly.`}
            role="img"
          />
        </div>
      </div>

      {!readOnly && (
        <div className="controls">
          {canRotate && canMove && (
            <div className="row">
              <span id="drag-mode-label">Drag mode</span>
              <span className="mode-toggle" role="group" aria-labelledby="drag-mode-label">
                <button type="button" aria-pressed={mode === "rotate"} onClick={() => setMode("rotate")}>
                  Turn
                </button>
                <button type="button" aria-pressed={mode === "move"} onClick={() => setMode("move")}>
                  Move origin
                </button>
              </span>
            </div>
          )}
          {canRotate && (
            <Slider
              label="Angle (°)"
              id="angle"
              min={-180}
              max={180}
              step={1}
              value={answer.angleDeg}
              onChange={(v) => update((a) => ({ ...a, angleDeg: wrapDeg(v) }))}
            />
          )}
          {canMove && (
            <>
              <Slider
                label={`Origin ${axisName(answer.representation, data.dataset.axes, 0)}`}
                id="shift-x"
                min={featureBox.xMin}
                max={featureBox.xMax}
                step={shiftStep}
                value={answer.shift[0]}
                onChange={(v) => update((a) => ({ ...a, shift: clampShift(v, a.shift[1]) }))}
              />
              <Slider
                label={`Origin ${axisName(answer.representation, data.dataset.axes, 1)}`}
                id="shift-y"
                min={featureBox.yMin}
                max={featureBox.yMax}
                step={shiftStepY}
                value={answer.shift[1]}
                onChange={(v) => update((a) => ({ ...a, shift: clampShift(a.shift[0], v) }))}
              />
            </>
          )}
          {!locked.has("scale") && (
            <>
              <Slider
                label="Stretch x′"
                id="scale-x"
                min={-3}
                max={3}
                step={0.05}
                value={answer.scale[0]}
                onChange={(v) => update((a) => ({ ...a, scale: [v, a.scale[1]] }))}
              />
              <Slider
                label="Stretch y′"
                id="scale-y"
                min={-3}
                max={3}
                step={0.05}
                value={answer.scale[1]}
                onChange={(v) => update((a) => ({ ...a, scale: [a.scale[0], v] }))}
              />
            </>
          )}
          {config.representations.length > 1 && (
            <fieldset>
              <legend>Representation</legend>
              <div className="choices">
                {config.representations.map((r) => (
                  <label key={r}>
                    <input type="radio" name="representation" value={r} checked={answer.representation === r} onChange={() => setRepresentation(r)} />
                    {representationInfo[r].label}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {config.rules.length > 1 && (
            <fieldset>
              <legend>Rule</legend>
              <div className="choices">
                {config.rules.map((r: Rule) => (
                  <label key={r}>
                    <input type="radio" name="rule" value={r} checked={answer.rule === r} onChange={() => update((a) => ({ ...a, rule: r }))} />
                    {ruleInfo[r]}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div>
            <button type="button" className="button secondary" onClick={() => update(() => coordinateChange.initialAnswer(level, config))}>
              Reset the axes
            </button>
          </div>
        </div>
      )}

      {!readOnly && config.search && data.search && (
        <SearchPanel
          points={points}
          features={features}
          answer={answer}
          steps={config.search.steps}
          onUseBest={(angleDeg) => update((a) => ({ ...a, angleDeg }))}
        />
      )}
    </div>
  );
}

/** The dataset's own bounds with a margin, so points on the edge are not cut off. */
function padBox(b: Box, pad = 0.06): Box & { equalAspect: boolean } {
  const w = b.xMax - b.xMin;
  const h = b.yMax - b.yMin;
  return { xMin: b.xMin - w * pad, xMax: b.xMax + w * pad, yMin: b.yMin - h * pad, yMax: b.yMax + h * pad, equalAspect: Math.max(w, h) / Math.min(w, h) < 4 };
}

function axisName(representation: Representation, rawAxes: { x: string; y: string }, index: 0 | 1): string {
  if (representation === "raw") return index === 0 ? rawAxes.x : rawAxes.y;
  return representationInfo[representation].axes[index];
}

function Slider(props: { label: string; id: string; min: number; max: number; step: number; value: number; onChange(v: number): void }) {
  const digits = props.step >= 1 ? 0 : props.step >= 0.1 ? 1 : props.step >= 0.01 ? 2 : 3;
  return (
    <div className="control">
      <label htmlFor={`${props.id}-range`}>{props.label}</label>
      <input
        id={`${props.id}-range`}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <input
        type="number"
        aria-label={`${props.label}, exact value`}
        data-testid={`${props.id}-number`}
        min={props.min}
        max={props.max}
        step="any"
        value={round(props.value, digits)}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== "" && Number.isFinite(v)) props.onChange(v);
        }}
      />
    </div>
  );
}
