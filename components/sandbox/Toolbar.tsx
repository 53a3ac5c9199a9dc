"use client";

import { useRef, useState } from "react";
import type { SandboxRun } from "@/core/sandbox/run";
import { type FrameBus, usePainter } from "./frames";
import { formatLoss } from "./paint";
import styles from "./sandbox.module.css";

interface Props {
  run: SandboxRun;
  bus: FrameBus;
  playing: boolean;
  onPlayPause(): void;
  onStep(): void;
  onReset(): void;
  onNewWeights(): void;
  /** The setup's link, relative ("/sandbox?d=xor"). */
  link: string;
}

/**
 * Play, pause, one epoch at a time, start again; the epoch counter and both losses, updated
 * every frame while training runs (written straight into the page, not through React).
 */
export function Toolbar({ run, bus, playing, onPlayPause, onStep, onReset, onNewWeights, link }: Props) {
  const epoch = useRef<HTMLSpanElement>(null);
  const train = useRef<HTMLSpanElement>(null);
  const test = useRef<HTMLSpanElement>(null);
  usePainter(bus, () => {
    if (epoch.current) epoch.current.textContent = run.epoch.toLocaleString("en");
    if (train.current) train.current.textContent = formatLoss(run.currentTrainLoss);
    if (test.current) test.current.textContent = formatLoss(run.currentTestLoss);
  });

  return (
    <div className={styles.toolbar}>
      <div className={styles.buttons}>
        <button type="button" className="button secondary" onClick={onReset} data-testid="reset" title="Back to epoch 0 with the same starting weights">
          <span aria-hidden="true">↺</span> Reset
        </button>
        <button type="button" className={`button ${styles.play}`} onClick={onPlayPause} data-testid="play" aria-pressed={playing} disabled={run.diverged}>
          <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {playing ? "Pause" : "Play"}
        </button>
        <button type="button" className="button secondary" onClick={onStep} disabled={playing || run.diverged} data-testid="step" title="Train one more epoch">
          Step
        </button>
      </div>
      <dl className={styles.stats} aria-label="Progress">
        <div>
          <dt>Epoch</dt>
          <dd>
            <span ref={epoch} data-testid="epoch">
              {run.epoch.toLocaleString("en")}
            </span>
          </dd>
        </div>
        <div>
          <dt>Training loss</dt>
          <dd>
            <span ref={train} data-testid="train-loss">
              {formatLoss(run.currentTrainLoss)}
            </span>
          </dd>
        </div>
        <div>
          <dt>Test loss</dt>
          <dd>
            <span ref={test} data-testid="test-loss">
              {formatLoss(run.currentTestLoss)}
            </span>
          </dd>
        </div>
      </dl>
      <p className="sr-only" role="status">
        {playing
          ? "Training."
          : `Paused at epoch ${run.epoch}: training loss ${formatLoss(run.currentTrainLoss)}, test loss ${formatLoss(run.currentTestLoss)}.`}
      </p>
      <div className={styles.buttons}>
        <button type="button" className="button secondary" onClick={onNewWeights} data-testid="new-weights" title="Other random starting weights">
          New weights
        </button>
        <ShareLink link={link} />
      </div>
      {run.diverged && (
        <p className="error" role="alert" data-testid="diverged">
          The loss blew up at epoch {run.epoch}: the learning rate is too large for this network. Lower it, then press Reset.
        </p>
      )}
    </div>
  );
}

/** Copies the setup's full address; where the clipboard is refused, shows it to copy by hand. */
function ShareLink({ link }: { link: string }) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const [address, setAddress] = useState("");
  return (
    <span className={styles.share}>
      <button
        type="button"
        className="button secondary"
        data-testid="copy-link"
        onClick={async () => {
          const full = new URL(link, window.location.origin).toString();
          setAddress(full);
          try {
            await navigator.clipboard.writeText(full);
            setState("copied");
          } catch {
            setState("manual");
          }
        }}
      >
        Copy link
      </button>
      <span role="status" className={styles.shareStatus}>
        {state === "copied" && "Link copied: it opens this setup."}
      </span>
      {state === "manual" && (
        <input
          className={styles.shareInput}
          readOnly
          value={address}
          aria-label="Link to this setup"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-address"
        />
      )}
    </span>
  );
}
