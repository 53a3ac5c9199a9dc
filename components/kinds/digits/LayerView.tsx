"use client";

import { Fragment, useMemo, useState } from "react";
import { CLASSES, SIDE } from "@/core/kinds/digits/public-images";
import { imageOf, layerActivationsOf, predictedDigit, type DigitsRun } from "@/core/kinds/digits/public-train";
import type { DigitSet } from "@/core/kinds/digits/public-images";
import { topActivatingImages } from "@/core/kinds/digits/public-units";
import { UnitTiles } from "./UnitTiles";
import styles from "./digits.module.css";

/** The ten digits, 0 to 9: each is its own key in the lists below. */
const DIGITS = Array.from({ length: CLASSES }, (_, d) => d);

/** Grey cells, darker for larger values, scaled to the largest value of the stage. */
export function CellGrid({
  values,
  columns,
  cell,
  label,
  testId,
  gridLines = true,
}: {
  values: ArrayLike<number>;
  columns: number;
  cell: number;
  label: string;
  testId?: string;
  gridLines?: boolean;
}) {
  const rows = Math.ceil(values.length / columns);
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  const cells = [];
  for (let i = 0; i < values.length; i++) {
    const t = max > 0 ? Math.max(0, values[i]) / max : 0;
    const grey = Math.round(255 - 235 * t);
    cells.push(
      <rect
        key={i}
        x={(i % columns) * cell}
        y={Math.floor(i / columns) * cell}
        width={cell}
        height={cell}
        fill={`rgb(${grey},${grey},${grey})`}
        stroke={gridLines ? "#d5d6da" : undefined}
        strokeWidth={gridLines ? 0.5 : undefined}
      >
        <title>{values[i].toFixed(2)}</title>
      </rect>,
    );
  }
  return (
    <svg
      className={styles.grid}
      width={columns * cell}
      height={rows * cell}
      viewBox={`0 0 ${columns * cell} ${rows * cell}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {cells}
    </svg>
  );
}

/** The ten output probabilities as labelled bars; the guess is marked in words, not by colour alone. */
function ProbabilityBars({ probabilities, guess, truth }: { probabilities: Float32Array; guess: number; truth: number }) {
  const row = 22;
  const labelWidth = 26;
  const barMax = 150;
  return (
    <svg
      className={styles.bars}
      viewBox={`0 0 ${labelWidth + barMax + 104} ${CLASSES * row}`}
      role="img"
      aria-label={`Output: ${Array.from(probabilities, (p, d) => `${d}: ${(p * 100).toFixed(0)}%`).join(", ")}`}
      data-testid="output-bars"
    >
      {DIGITS.map((digit) => {
        const p = probabilities[digit];
        const y = digit * row;
        const isGuess = digit === guess;
        return (
          <g key={digit}>
            <text
              x={labelWidth - 8}
              y={y + 15}
              textAnchor="end"
              fontSize="14"
              fontWeight={isGuess ? 800 : 400}
              textDecoration={digit === truth ? "underline" : undefined}
            >
              {digit}
            </text>
            <rect x={labelWidth} y={y + 3} width={barMax} height={row - 6} fill="#eceef1" />
            <rect x={labelWidth} y={y + 3} width={Math.max(1, p * barMax)} height={row - 6} fill={isGuess ? "#0072b2" : "#56b4e9"} />
            <text x={labelWidth + barMax + 6} y={y + 15} fontSize="12" fontWeight={isGuess ? 800 : 400}>
              {(p * 100).toFixed(0)}%{isGuess ? " ← guess" : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * What each layer makes of one test digit: the image, every hidden layer's activations, and the
 * output probabilities — the stages of the network's information distillation, side by side.
 */
export function LayerView({ run, test }: { run: DigitsRun; test: DigitSet }) {
  const [digit, setDigit] = useState(3);
  const [sample, setSample] = useState(0);
  const perClass = Math.floor(test.count / CLASSES);
  // Test labels cycle 0…9, so the n-th test image of a digit sits at n × 10 + digit.
  const index = (sample % perClass) * CLASSES + digit;
  const image = useMemo(() => imageOf(test, index), [test, index]);
  const layers = useMemo(() => layerActivationsOf(run, image), [run, image]);
  const hidden = layers.slice(0, -1);
  const probabilities = layers[layers.length - 1];
  const guess = predictedDigit(probabilities);
  const truth = test.labels[index];
  // Which test digit excites each deeper unit most: 500 forward passes in plain JS, once per run.
  const topImages = useMemo(() => topActivatingImages(run, test), [run, test]);

  return (
    <section className="panel" aria-labelledby="layer-view-title" data-testid="layer-view">
      <h3 id="layer-view-title" style={{ marginTop: 0 }}>
        What each layer makes of a digit
      </h3>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a box round a row of buttons; role="group" names them together */}
      <div className={styles.picker} role="group" aria-label="Pick a test digit">
        <span className="muted">Test digit:</span>
        {DIGITS.map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={d === digit}
            aria-label={`Show a test image of a ${d}`}
            onClick={() => setDigit(d)}
            data-testid={`pick-digit-${d}`}
          >
            {d}
          </button>
        ))}
        <button type="button" style={{ minWidth: "auto", padding: "0 10px" }} onClick={() => setSample((s) => s + 1)} data-testid="another-digit">
          Another {digit} →
        </button>
      </div>
      <p className={styles.verdict} aria-live="polite" data-testid="layer-verdict">
        Test image #{index + 1}, a {truth}: the network says {guess} ({(probabilities[guess] * 100).toFixed(0)}%) — {guess === truth ? "✓ right" : "✗ wrong"}.
      </p>
      <div className={styles.stages}>
        <div className={styles.stage}>
          <h4>Image</h4>
          <CellGrid values={image} columns={SIDE} cell={13} gridLines={false} label={`The test image: ${SIDE}×${SIDE} grey pixels`} testId="stage-input" />
          <p>{SIDE * SIDE} pixels</p>
        </div>
        {hidden.map((values, l) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a layer's place in the network is what identifies it
          <Fragment key={l}>
            <span className={styles.arrow} aria-hidden>
              →
            </span>
            <UnitTiles run={run} test={test} layer={l} values={values} topImages={topImages[l]} />
          </Fragment>
        ))}
        <span className={styles.arrow} aria-hidden>
          →
        </span>
        <div className={styles.stage}>
          <h4>Output</h4>
          <ProbabilityBars probabilities={probabilities} guess={guess} truth={truth} />
        </div>
      </div>
      <p className="muted" style={{ marginBottom: 0 }}>
        Each stage is a new representation of the same image, computed from the one before. A layer's units have no order or position (unlike the image's
        pixels), so each unit is shown by what it looks for, with a bar for its output on this digit; a ReLU unit that is not active outputs 0 (faded). In layer
        1, a unit's tile is its weight template, one weight per pixel: blue where ink raises its output, orange where ink lowers it. Deeper, a unit's tile is
        the test digit that activates it most (blank: no test digit activates it at all).
      </p>
    </section>
  );
}
