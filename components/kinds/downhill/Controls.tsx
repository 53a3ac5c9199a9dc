import { useId } from "react";
import { type DownhillAnswer, type DownhillView, formatLoss, type Play, RATE_POSITIONS, rateAt, ratePosition } from "@/core/kinds/downhill/public";
import { gradientAt, lossAt, type Moments } from "@/core/kinds/downhill/public-math";
import { AlongArrow, lossesAlongArrow } from "./AlongArrow";
import styles from "./Downhill.module.css";

type StepsPlay = Extract<Play, { mode: "steps" }>;
type RunPlay = Extract<Play, { mode: "run" }>;
type BatchPlay = Extract<Play, { mode: "batches" }>;

const parse = (text: string): number | null => {
  const v = Number(text.trim().replace(",", "."));
  return text.trim() === "" || !Number.isFinite(v) ? null : v;
};

/** Steps by hand: choose the step size (slider and exact field), see where it lands, take it. */
export function StepControls({
  view,
  m,
  sizes,
  size,
  here,
  readOnly,
  onSize,
  onSizes,
}: {
  view: DownhillView;
  m: Moments;
  sizes: number[];
  size: number;
  here: readonly [number, number];
  readOnly: boolean;
  onSize(size: number): void;
  onSizes(sizes: number[]): void;
}) {
  const id = useId();
  const play = view.play as StepsPlay;
  const g = gradientAt(m, here);
  const landingLoss = lossAt(m, [here[0] - size * g[0], here[1] - size * g[1]]);
  const along = lossesAlongArrow(m, here, play.stepMax);
  const left = play.maxSteps - sizes.length;
  // Typed sizes are kept to 4 significant digits, like the slider's.
  const clamp = (v: number) => Number(Math.min(play.stepMax, Math.max(0, v)).toPrecision(4));
  return (
    <div className={styles.group}>
      <p className={styles.counter} data-testid="step-counter">
        Step {sizes.length} of at most {play.maxSteps} taken
      </p>
      {!readOnly && left > 0 && (
        <>
          <label htmlFor={`${id}-size`} className={styles.label}>
            Step size η along the arrow: <strong data-testid="step-size-value">{size}</strong>
          </label>
          <div className={styles.sliderRow}>
            <input
              id={`${id}-size`}
              type="range"
              min={0}
              max={play.stepMax}
              step={play.stepMax / 200}
              value={size}
              onChange={(e) => onSize(Number(Number(e.target.value).toPrecision(4)))}
              data-testid="step-size"
            />
            <input
              type="text"
              inputMode="decimal"
              aria-label="Step size, exactly"
              className={styles.number}
              defaultValue={size}
              key={size}
              onBlur={(e) => {
                const v = parse(e.target.value);
                if (v !== null) onSize(clamp(v));
              }}
              onKeyDown={(e) => {
                const v = parse(e.currentTarget.value);
                if (e.key === "Enter" && v !== null) onSize(clamp(v));
              }}
              data-testid="step-size-number"
            />
          </div>
          <p className={styles.readout} data-testid="landing-loss">
            Lands at loss <strong>{formatLoss(landingLoss)}</strong> (now {formatLoss(lossAt(m, here))})
          </p>
          <AlongArrow losses={along} stepMax={play.stepMax} size={size} here={landingLoss} />
        </>
      )}
      {!readOnly && (
        <div className={styles.buttons}>
          {left > 0 && (
            <button type="button" className="button" onClick={() => onSizes([...sizes, size])} data-testid="take-step">
              Take this step
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => onSizes(sizes.slice(0, -1))} disabled={sizes.length === 0} data-testid="undo-step">
            Undo
          </button>
          <button type="button" className="button secondary" onClick={() => onSizes([])} disabled={sizes.length === 0}>
            Reset
          </button>
        </div>
      )}
      {sizes.length > 0 && (
        <p className="muted" data-testid="step-sizes">
          Your step sizes: {sizes.join(", ")}
        </p>
      )}
    </div>
  );
}

/** A logarithmic learning-rate slider, position by position. */
function RateSlider({
  rateMin,
  rateMax,
  value,
  readOnly,
  onChange,
}: {
  rateMin: number;
  rateMax: number;
  value: number;
  readOnly: boolean;
  onChange(rate: number): void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={styles.label}>
        Learning rate η: <strong data-testid="rate-value">{value}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={RATE_POSITIONS}
        step={1}
        value={ratePosition(rateMin, rateMax, value)}
        disabled={readOnly}
        onChange={(e) => onChange(rateAt(rateMin, rateMax, Number(e.target.value)))}
        aria-valuetext={String(value)}
        data-testid="rate"
      />
      <span className={styles.scaleNote}>
        {rateMin} … {rateMax} (each notch multiplies the rate by the same factor)
      </span>
    </>
  );
}

/** A run: the learning rate and the momentum. */
export function RunControls({
  play,
  answer,
  readOnly,
  onChange,
}: {
  play: RunPlay;
  answer: Extract<DownhillAnswer, { mode: "run" }>;
  readOnly: boolean;
  onChange(a: DownhillAnswer): void;
}) {
  const id = useId();
  return (
    <div className={styles.group}>
      <p className={styles.counter}>A run of {play.steps} steps</p>
      <RateSlider
        rateMin={play.rateMin}
        rateMax={play.rateMax}
        value={answer.learningRate}
        readOnly={readOnly}
        onChange={(learningRate) => onChange({ ...answer, learningRate })}
      />
      <label htmlFor={id} className={styles.label}>
        Momentum β: <strong data-testid="momentum-value">{answer.momentum.toFixed(2)}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={play.momentumMax}
        step={0.01}
        value={answer.momentum}
        disabled={readOnly}
        onChange={(e) => onChange({ ...answer, momentum: Number(Number(e.target.value).toFixed(2)) })}
        data-testid="momentum"
      />
    </div>
  );
}

/** Mini-batches: the batch size (with its steps per epoch) and the learning rate. */
export function BatchControls({
  play,
  answer,
  readOnly,
  stepsPerEpoch,
  onChange,
}: {
  play: BatchPlay;
  answer: Extract<DownhillAnswer, { mode: "batches" }>;
  readOnly: boolean;
  stepsPerEpoch(batchSize: number): number;
  onChange(a: DownhillAnswer): void;
}) {
  const examples = play.orders[0]?.length ?? 0;
  const perEpoch = stepsPerEpoch(answer.batchSize);
  return (
    <div className={styles.group}>
      <fieldset className={styles.sizes} disabled={readOnly}>
        <legend className={styles.label}>Batch size (examples per step)</legend>
        {play.sizes.map((size) => (
          <label key={size} className={styles.sizeOption}>
            <input type="radio" name="batchSize" value={size} checked={answer.batchSize === size} onChange={() => onChange({ ...answer, batchSize: size })} />
            {size === play.sizes[0] ? `${size} (full)` : size}
          </label>
        ))}
      </fieldset>
      <p className={styles.readout} data-testid="epoch-steps">
        1 epoch = {examples} examples ÷ {answer.batchSize} per batch = <strong>{perEpoch}</strong> step{perEpoch === 1 ? "" : "s"}; {play.epochs} epochs ={" "}
        <strong>{perEpoch * play.epochs}</strong> steps.
      </p>
      <RateSlider
        rateMin={play.rateMin}
        rateMax={play.rateMax}
        value={answer.learningRate}
        readOnly={readOnly}
        onChange={(learningRate) => onChange({ ...answer, learningRate })}
      />
    </div>
  );
}
