"use client";

import type { CoordinateChangeAnswer, CoordinateChangeView } from "@/core/kinds/coordinate-change/public";
import { representationInfo, ruleInfo, type Representation, type Rule } from "@/core/kinds/coordinate-change/public-math";
import { useState } from "react";
import { axisName, round, wrapDeg, type Box } from "./geometry";
import type { Change, Mode } from "./useGestures";

export interface ControlsProps {
  view: CoordinateChangeView;
  answer: CoordinateChangeAnswer;
  rawAxes: { x: string; y: string };
  mode: Mode;
  setMode(mode: Mode): void;
  canRotate: boolean;
  canMove: boolean;
  canScale: boolean;
  featureBox: Box;
  clampShift(x: number, y: number): [number, number];
  update(change: Change): void;
  reset(): void;
}

/**
 * Every control of the coordinate change, besides dragging the plot: the drag mode, a slider with
 * an exact number field for each unlocked part of the transform, the representation and the rule
 * when the level offers a choice, and a reset.
 */
export function Controls({ view, answer, rawAxes, mode, setMode, canRotate, canMove, canScale, featureBox, clampShift, update, reset }: ControlsProps) {
  const shiftStep = (featureBox.xMax - featureBox.xMin) / 400;
  const shiftStepY = (featureBox.yMax - featureBox.yMin) / 400;
  const setRepresentation = (representation: Representation) =>
    // Each representation has its own feature space, so the origin starts over.
    update((a) => ({ ...a, representation, shift: [0, 0] }));
  return (
    <div className="controls">
      {canRotate && canMove && (
        <div className="row">
          <span id="drag-mode-label">Drag mode</span>
          {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a box round two buttons; role="group" names them together */}
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
            label={`Origin ${axisName(answer.representation, rawAxes, 0)}`}
            id="shift-x"
            min={featureBox.xMin}
            max={featureBox.xMax}
            step={shiftStep}
            value={answer.shift[0]}
            onChange={(v) => update((a) => ({ ...a, shift: clampShift(v, a.shift[1]) }))}
          />
          <Slider
            label={`Origin ${axisName(answer.representation, rawAxes, 1)}`}
            id="shift-y"
            min={featureBox.yMin}
            max={featureBox.yMax}
            step={shiftStepY}
            value={answer.shift[1]}
            onChange={(v) => update((a) => ({ ...a, shift: clampShift(a.shift[0], v) }))}
          />
        </>
      )}
      {canScale && (
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
      {view.representations.length > 1 && (
        <fieldset>
          <legend>Representation</legend>
          <div className="choices">
            {view.representations.map((r) => (
              <label key={r}>
                <input type="radio" name="representation" value={r} checked={answer.representation === r} onChange={() => setRepresentation(r)} />
                {representationInfo[r].label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {view.rules.length > 1 && (
        <fieldset>
          <legend>Rule</legend>
          <div className="choices">
            {view.rules.map((r: Rule) => (
              <label key={r}>
                <input type="radio" name="rule" value={r} checked={answer.rule === r} onChange={() => update((a) => ({ ...a, rule: r }))} />
                {ruleInfo[r]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div>
        <button type="button" className="button secondary" onClick={reset}>
          Reset the axes
        </button>
      </div>
    </div>
  );
}

/**
 * A range slider and an exact number field for the same value. The field shows one decimal more
 * than the slider's step, and while it has focus it shows what was typed: rounding a typed
 * "-0.002" to "0" under the cursor would hide the value the answer really holds.
 */
function Slider(props: { label: string; id: string; min: number; max: number; step: number; value: number; onChange(v: number): void }) {
  const digits = props.step >= 1 ? 0 : Math.ceil(-Math.log10(props.step)) + 1;
  const [typed, setTyped] = useState<string | null>(null);
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
        onChange={(e) => {
          setTyped(null);
          props.onChange(Number(e.target.value));
        }}
      />
      <input
        type="number"
        inputMode="decimal"
        aria-label={`${props.label}, exact value`}
        data-testid={`${props.id}-number`}
        min={props.min}
        max={props.max}
        step="any"
        value={typed ?? round(props.value, digits)}
        onChange={(e) => {
          setTyped(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== "" && Number.isFinite(v)) props.onChange(v);
        }}
        onBlur={() => setTyped(null)}
      />
    </div>
  );
}
