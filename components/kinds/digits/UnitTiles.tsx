"use client";

import { useMemo } from "react";
import { type DigitSet, SIDE } from "@/core/kinds/digits/public-images";
import { type DigitsRun, imageOf } from "@/core/kinds/digits/public-train";
import { weightTemplate } from "@/core/kinds/digits/public-units";
import styles from "./digits.module.css";

const CELL = 3;
const TILE = SIDE * CELL;
/** Units per row: full rows of eight for the layers' 16, 32 or 64 units (a list, wrapped; not a picture). */
const COLUMNS = 8;

/** A small SIDE × SIDE picture: `colour` maps each value (already scaled to [−1, 1] or [0, 1]) to a fill. */
function Tile({ values, scale, colour }: { values: ArrayLike<number>; scale: number; colour: (t: number) => string }) {
  const cells = [];
  for (let i = 0; i < values.length; i++) {
    cells.push(
      <rect key={i} x={(i % SIDE) * CELL} y={Math.floor(i / SIDE) * CELL} width={CELL} height={CELL} fill={colour(scale > 0 ? values[i] / scale : 0)} />,
    );
  }
  return (
    <svg className={styles.unitImage} viewBox={`0 0 ${TILE} ${TILE}`} aria-hidden>
      {cells}
    </svg>
  );
}

/** Blue where a weight is positive (ink there raises the unit's output), orange where negative, white near zero. */
function diverging(t: number): string {
  const a = Math.min(1, Math.abs(t));
  const [r, g, b] = t >= 0 ? [0, 114, 178] : [213, 94, 0];
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

function grey(t: number): string {
  const v = Math.round(255 - 235 * Math.max(0, Math.min(1, t)));
  return `rgb(${v},${v},${v})`;
}

const largest = (values: ArrayLike<number>) => {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
};

/**
 * One hidden layer as a list of its units (a layer has no spatial layout, so it is not drawn as a
 * picture): each unit by what it looks for — in the first layer its weight template, deeper its
 * top-activating test digit — with a bar for its output on the chosen digit. Inactive units fade.
 */
export function UnitTiles({
  run,
  test,
  layer,
  values,
  topImages,
}: {
  run: DigitsRun;
  test: DigitSet;
  layer: number;
  /** The layer's outputs on the chosen digit. */
  values: Float32Array;
  /** Deeper layers: each unit's top-activating test image (−1: none activates it). */
  topImages: number[];
}) {
  const templates = useMemo(() => (layer === 0 ? Array.from({ length: values.length }, (_, u) => weightTemplate(run, u)) : null), [run, layer, values.length]);
  const maxOutput = largest(values);
  const active = Array.from(values).filter((v) => v > 0).length;
  const what = layer === 0 ? "its weight template" : "the test digit that activates it most";
  return (
    <div className={styles.stage} data-testid={`stage-layer-${layer + 1}`}>
      <h4>Layer {layer + 1}</h4>
      <ul
        className={styles.units}
        style={{ gridTemplateColumns: `repeat(${Math.min(values.length, COLUMNS)}, minmax(0, 44px))` }}
        aria-label={`Hidden layer ${layer + 1}: ${values.length} units, ${active} active on this digit; each shown by ${what}`}
      >
        {Array.from(values, (value, u) => {
          const template = templates?.[u];
          const top = topImages[u] ?? -1;
          const looksFor = template
            ? "its incoming weights"
            : top >= 0
              ? `most active for test image #${top + 1}, a ${test.labels[top]}`
              : "never active on the test digits";
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a unit's place in its layer is what identifies it
              key={u}
              className={`${styles.unit} ${value > 0 ? "" : styles.inactive}`}
              aria-label={`Unit ${u + 1}: output ${value.toFixed(2)}; ${looksFor}`}
              title={`Unit ${u + 1}: output ${value.toFixed(2)}; ${looksFor}`}
              data-testid="unit"
            >
              {template ? (
                <Tile values={template} scale={largest(template)} colour={diverging} />
              ) : top >= 0 ? (
                <Tile values={imageOf(test, top)} scale={1} colour={grey} />
              ) : (
                <svg className={styles.unitImage} viewBox={`0 0 ${TILE} ${TILE}`} aria-hidden />
              )}
              <span className={styles.unitBar} aria-hidden>
                <span style={{ width: `${maxOutput > 0 ? (Math.max(0, value) / maxOutput) * 100 : 0}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
      <p>
        {values.length} units, {active} active
      </p>
    </div>
  );
}
