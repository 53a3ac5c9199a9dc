"use client";

import type { ReactNode } from "react";
import { trainCount } from "@/core/sandbox/data";
import { FEATURE_INFO } from "@/core/sandbox/features";
import {
  ACTIVATIONS,
  BATCH_SIZES,
  type BatchSize,
  DATASET_LABELS,
  DATASETS,
  FEATURES,
  LEARNING_RATES,
  MAX_HIDDEN_LAYERS,
  MAX_NOISE,
  MAX_TRAIN_PERCENT,
  MAX_UNITS,
  MIN_TRAIN_PERCENT,
  orderFeatures,
  POINT_COUNTS,
  REGULARIZATION_RATES,
  REGULARIZATIONS,
  type SandboxSettings,
} from "@/core/sandbox/settings";
import styles from "./sandbox.module.css";

export type Change = (patch: Partial<SandboxSettings>) => void;

/** A collapsible group of controls (a `<details>`): open on wide screens, closed at first on a phone. */
export function Section({
  title,
  summary,
  open,
  onToggle,
  children,
  testId,
}: {
  title: string;
  summary: string;
  open: boolean;
  onToggle(open: boolean): void;
  children: ReactNode;
  testId: string;
}) {
  return (
    <details className={styles.section} open={open} onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)} data-testid={testId}>
      <summary>
        <span className={styles.sectionTitle}>{title}</span> <span className={styles.sectionSummary}>{summary}</span>
      </summary>
      <div className={styles.sectionBody}>{children}</div>
    </details>
  );
}

export function dataSummary(s: SandboxSettings): string {
  return `${DATASET_LABELS[s.dataset]}, noise ${s.noise} %, ${s.trainPercent} % training`;
}

export function DataControls({ settings, onChange, onNewData }: { settings: SandboxSettings; onChange: Change; onNewData(): void }) {
  const train = trainCount(settings.points, settings.trainPercent);
  return (
    <>
      <fieldset className={styles.group}>
        <legend>Dataset</legend>
        <div className={styles.datasetChoices}>
          {DATASETS.map((d) => (
            <label key={d} className={styles.choice}>
              <input type="radio" name="dataset" value={d} checked={settings.dataset === d} onChange={() => onChange({ dataset: d })} />
              <span>
                {DATASET_LABELS[d]}
                {(d === "plane" || d === "admissions") && <span className="muted"> (campaign)</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Range
        id="sandbox-noise"
        label="Noise"
        hint="share of labels flipped at random"
        min={0}
        max={MAX_NOISE}
        value={settings.noise}
        unit="%"
        onChange={(noise) => onChange({ noise })}
      />
      <Range
        id="sandbox-train"
        label="Training share"
        hint={`${train} points train, ${settings.points - train} test`}
        min={MIN_TRAIN_PERCENT}
        max={MAX_TRAIN_PERCENT}
        value={settings.trainPercent}
        unit="%"
        onChange={(trainPercent) => onChange({ trainPercent })}
      />
      <Select
        id="sandbox-points"
        label="Points"
        value={String(settings.points)}
        options={POINT_COUNTS.map((c) => [String(c), String(c)])}
        onChange={(v) => onChange({ points: Number(v) as SandboxSettings["points"] })}
      />
      <label className={styles.check}>
        <input type="checkbox" checked={settings.showTest} onChange={(e) => onChange({ showTest: e.target.checked })} /> Show the test points
      </label>
      <button type="button" className="button secondary" onClick={onNewData} data-testid="new-data">
        New data
      </button>
    </>
  );
}

export function featureSummary(s: SandboxSettings): string {
  return s.features.map((f) => FEATURE_INFO[f].label).join(", ");
}

export function FeatureControls({ settings, onChange }: { settings: SandboxSettings; onChange: Change }) {
  return (
    <fieldset className={styles.group}>
      <legend>What the network is given</legend>
      <div className={styles.featureChoices}>
        {FEATURES.map((f) => {
          const on = settings.features.includes(f);
          const last = on && settings.features.length === 1;
          return (
            <label key={f} className={styles.check} title={last ? "The network needs at least one input" : undefined}>
              <input
                type="checkbox"
                name="features"
                value={f}
                checked={on}
                disabled={last}
                aria-label={FEATURE_INFO[f].spoken}
                onChange={(e) => onChange({ features: orderFeatures(e.target.checked ? [...settings.features, f] : settings.features.filter((x) => x !== f)) })}
              />{" "}
              <span aria-hidden="true">{FEATURE_INFO[f].label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function networkSummary(s: SandboxSettings): string {
  const layers = s.hidden.length === 0 ? "no hidden layer" : `${s.hidden.join("-")} hidden units`;
  return `${layers}, ${s.activation}`;
}

export function NetworkControls({ settings, onChange }: { settings: SandboxSettings; onChange: Change }) {
  const { hidden } = settings;
  const setUnits = (layer: number, units: number) => onChange({ hidden: hidden.map((n, i) => (i === layer ? units : n)) });
  return (
    <>
      <div className={styles.layerHead}>
        <span>
          <strong data-testid="layer-count">{hidden.length}</strong> hidden {hidden.length === 1 ? "layer" : "layers"}
        </span>
        <button
          type="button"
          className={styles.small}
          disabled={hidden.length >= MAX_HIDDEN_LAYERS}
          onClick={() => onChange({ hidden: [...hidden, hidden.at(-1) ?? 4] })}
          aria-label="Add a hidden layer"
        >
          + layer
        </button>
        <button
          type="button"
          className={styles.small}
          disabled={hidden.length === 0}
          onClick={() => onChange({ hidden: hidden.slice(0, -1) })}
          aria-label="Remove the last hidden layer"
        >
          − layer
        </button>
      </div>
      <ol className={styles.layers}>
        {hidden.map((n, layer) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position
          <li key={layer}>
            <span>Layer {layer + 1}</span>
            <button
              type="button"
              className={styles.small}
              disabled={n <= 1}
              onClick={() => setUnits(layer, n - 1)}
              aria-label={`Remove a unit from layer ${layer + 1}`}
            >
              −
            </button>
            <span data-testid={`units-${layer + 1}`}>
              {n} {n === 1 ? "unit" : "units"}
            </span>
            <button
              type="button"
              className={styles.small}
              disabled={n >= MAX_UNITS}
              onClick={() => setUnits(layer, n + 1)}
              aria-label={`Add a unit to layer ${layer + 1}`}
            >
              +
            </button>
          </li>
        ))}
      </ol>
      <Select
        id="sandbox-activation"
        label="Activation"
        value={settings.activation}
        options={ACTIVATIONS.map((a) => [a, a === "relu" ? "ReLU" : a === "leaky-relu" ? "leaky ReLU" : a === "elu" ? "ELU" : a])}
        onChange={(v) => onChange({ activation: v as SandboxSettings["activation"] })}
      />
    </>
  );
}

export function trainingSummary(s: SandboxSettings): string {
  const reg = s.regularization === "none" ? "" : `, ${s.regularization.toUpperCase()} ${s.regularizationRate}`;
  return `rate ${s.learningRate}, batch ${s.batchSize}${reg}`;
}

export function TrainingControls({ settings, onChange }: { settings: SandboxSettings; onChange: Change }) {
  return (
    <div className={styles.trainingControls}>
      <Select
        id="sandbox-lr"
        label="Learning rate"
        value={String(settings.learningRate)}
        options={LEARNING_RATES.map((r) => [String(r), String(r)])}
        onChange={(v) => onChange({ learningRate: Number(v) as SandboxSettings["learningRate"] })}
      />
      <Select
        id="sandbox-batch"
        label="Batch size"
        value={String(settings.batchSize)}
        options={BATCH_SIZES.map((b) => [String(b), b === "all" ? "all (full batch)" : String(b)])}
        onChange={(v) => onChange({ batchSize: (v === "all" ? "all" : Number(v)) as BatchSize })}
      />
      <Select
        id="sandbox-reg"
        label="Regularisation"
        value={settings.regularization}
        options={REGULARIZATIONS.map((r) => [r, r === "none" ? "none" : r.toUpperCase()])}
        onChange={(v) => onChange({ regularization: v as SandboxSettings["regularization"] })}
      />
      <Select
        id="sandbox-reg-rate"
        label="Regularisation rate"
        value={String(settings.regularizationRate)}
        options={REGULARIZATION_RATES.map((r) => [String(r), String(r)])}
        disabled={settings.regularization === "none"}
        onChange={(v) => onChange({ regularizationRate: Number(v) as SandboxSettings["regularizationRate"] })}
      />
    </div>
  );
}

function Range({
  id,
  label,
  hint,
  min,
  max,
  value,
  unit,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  value: number;
  unit: string;
  onChange(v: number): void;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}: <output htmlFor={id}>{`${value} ${unit}`}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-valuetext={`${value} ${unit}`}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <span id={`${id}-hint`} className={styles.hint}>
        {hint}
      </span>
    </div>
  );
}

function Select({
  id,
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  disabled?: boolean;
  onChange(v: string): void;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
