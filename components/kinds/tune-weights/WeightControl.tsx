"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { ParameterInfo } from "@/core/kinds/tune-weights/public-network";
import styles from "./TuneWeights.module.css";

const STEP = 0.01;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * One weight: a slider for dragging and a number field for exact values. Dragging reports
 * `measured` steps (timed by the view); keys: arrows ±0.01, Shift+arrows ±0.1, Page Up/Down ±1.
 * The number field keeps its own text while the player types ("-", "0.") and takes the value
 * as soon as the text is a number within the limits.
 */
export const WeightControl = memo(function WeightControl({
  index,
  info,
  value,
  limit,
  readOnly,
  onChange,
}: {
  index: number;
  info: ParameterInfo;
  value: number;
  limit: number;
  readOnly: boolean;
  onChange(index: number, value: number, measured: boolean): void;
}) {
  const [text, setText] = useState(String(round2(value)));
  const typed = useRef<number | null>(null);
  useEffect(() => {
    if (typed.current !== value) setText(String(round2(value)));
  }, [value]);

  const clamp = (v: number) => Math.min(limit, Math.max(-limit, v));
  const id = `weight-${index}`;
  if (readOnly)
    return (
      <div className={styles.readOnlyWeight}>
        <span>{info.symbol}</span> <strong data-testid={`${id}-value`}>{round2(value)}</strong> <span className="muted">{info.role}</span>
      </div>
    );
  return (
    <div className="control">
      <label htmlFor={`${id}-range`} className={styles.symbol} title={info.role}>
        {info.symbol}
      </label>
      <input
        id={`${id}-range`}
        data-testid={`${id}-range`}
        type="range"
        min={-limit}
        max={limit}
        step={STEP}
        value={value}
        aria-label={`${info.symbol}, ${info.role}`}
        aria-valuetext={String(round2(value))}
        onChange={(e) => {
          typed.current = null;
          onChange(index, Number(e.target.value), true);
        }}
        onKeyDown={(e) => {
          const big = e.key === "PageUp" ? 1 : e.key === "PageDown" ? -1 : 0;
          const shifted = e.shiftKey ? (({ ArrowUp: 0.1, ArrowRight: 0.1, ArrowDown: -0.1, ArrowLeft: -0.1 } as Record<string, number>)[e.key] ?? 0) : 0;
          const delta = big || shifted;
          if (!delta) return;
          e.preventDefault();
          typed.current = null;
          onChange(index, clamp(round2(value + delta)), false);
        }}
      />
      <input
        type="number"
        inputMode="decimal"
        step="any"
        min={-limit}
        max={limit}
        data-testid={`${id}-number`}
        aria-label={`${info.symbol}, ${info.role}, exact value`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() === "" || !Number.isFinite(v) || Math.abs(v) > limit) return;
          typed.current = v;
          onChange(index, v, false);
        }}
        onBlur={() => {
          typed.current = null;
          setText(String(round2(value)));
        }}
      />
    </div>
  );
});
