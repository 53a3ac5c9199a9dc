"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { PlaneOutputs, SandboxRun } from "@/core/sandbox/run";
import { needsRestart, type SandboxSettings } from "@/core/sandbox/settings";
import { sandboxLink, sandboxQueryString } from "@/core/sandbox/url";
import {
  DataControls,
  dataSummary,
  FeatureControls,
  featureSummary,
  NetworkControls,
  networkSummary,
  Section,
  TrainingControls,
  trainingSummary,
} from "./Controls";
import { FrameBus, profiling } from "./frames";
import { LossCurves } from "./LossCurves";
import type { NetworkItem } from "./network-items";
import { NetworkDiagram } from "./NetworkDiagram";
import { OutputPlot } from "./OutputPlot";
import { Toolbar } from "./Toolbar";
import styles from "./sandbox.module.css";

/** Cells per side of the decision boundary and of every unit's picture. */
const GRID = 50;
/** The URL follows the settings this long after the last change, so dragging a slider is one update. */
const URL_DELAY_MS = 250;
const SECTIONS = ["data", "features", "network", "training"] as const;
type SectionName = (typeof SECTIONS)[number];

/** A fresh seed for "New data" and "New weights": short, so links stay short. */
const freshSeed = () => Math.floor(Math.random() * 36 ** 5).toString(36);

/**
 * The sandbox: a small network trained live in the browser on a 2-D dataset. Settings are React
 * state mirrored into the URL; the run (data, network, history) is a plain object from
 * core/sandbox, stepped one epoch per animation frame while playing, and every view repaints
 * itself from it through the frame bus.
 */
export function Sandbox({ initial }: { initial: SandboxSettings }) {
  const [settings, setSettings] = useState(initial);
  const [run, setRun] = useState(() => new SandboxRun(initial));
  const [playing, setPlaying] = useState(false);
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<Record<SectionName, boolean>>({ data: true, features: true, network: true, training: true });
  const bus = useMemo(() => new FrameBus(), []);
  const grid = useMemo(() => {
    const g = new PlaneOutputs(run.net, run.settings.features, GRID);
    g.update();
    return g;
  }, [run]);
  const refresh = useCallback(() => {
    grid.update();
    bus.emit();
    setVersion((v) => v + 1);
  }, [grid, bus]);

  const change = (patch: Partial<SandboxSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    if (needsRestart(settings, next)) {
      setRun(new SandboxRun(next));
      setPlaying(false);
    } else run.retune(next);
  };

  useTrainingLoop(playing, run, grid, bus, () => {
    setPlaying(false);
    setVersion((v) => v + 1);
  });

  // The address bar holds the setup: replaced, not pushed (no history entry per slider step).
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = sandboxQueryString(settings);
      window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settings]);

  // On a phone the controls start folded, so the plot comes first and alone.
  useEffect(() => {
    if (window.matchMedia("(max-width: 699px)").matches) setOpen({ data: false, features: false, network: false, training: false });
  }, []);
  const section = (name: SectionName) => ({
    open: open[name],
    onToggle: (o: boolean) => setOpen((s) => (s[name] === o ? s : { ...s, [name]: o })),
    testId: `section-${name}`,
  });

  const onEdit = (item: NetworkItem, value: number) => {
    if (item.kind === "weight") run.setWeight(item.layer, item.from, item.to, value);
    else run.setBias(item.layer, item.unit, value);
    refresh();
  };

  return (
    <div className={styles.sandbox} data-testid="sandbox">
      <div className={styles.toolbarArea}>
        <Toolbar
          run={run}
          bus={bus}
          playing={playing}
          onPlayPause={() => setPlaying((p) => !p)}
          onStep={() => {
            run.step(1);
            refresh();
          }}
          onReset={() => {
            setPlaying(false);
            setRun(new SandboxRun(settings));
          }}
          onNewWeights={() => change({ weightSeed: freshSeed() })}
          link={sandboxLink(settings)}
        />
      </div>
      <div className={styles.outputArea}>
        <OutputPlot run={run} grid={grid} bus={bus} showTest={settings.showTest} discretize={settings.discretize} />
        <label className={styles.check}>
          <input type="checkbox" checked={settings.discretize} onChange={(e) => change({ discretize: e.target.checked })} /> Show the decision as two flat
          regions
        </label>
        <LossCurves run={run} bus={bus} />
      </div>
      <div className={styles.networkArea}>
        <Section title="Network" summary={networkSummary(settings)} {...section("network")}>
          <NetworkControls settings={settings} onChange={change} />
        </Section>
        <NetworkDiagram key={run.net.sizes.join("-")} run={run} grid={grid} bus={bus} version={version} onEditStart={() => setPlaying(false)} onEdit={onEdit} />
      </div>
      <div className={styles.controlsArea}>
        <Section title="Data" summary={dataSummary(settings)} {...section("data")}>
          <DataControls settings={settings} onChange={change} onNewData={() => change({ dataSeed: freshSeed() })} />
        </Section>
        <Section title="Features" summary={featureSummary(settings)} {...section("features")}>
          <FeatureControls settings={settings} onChange={change} />
        </Section>
        <Section title="Training" summary={trainingSummary(settings)} {...section("training")}>
          <TrainingControls settings={settings} onChange={change} />
        </Section>
      </div>
    </div>
  );
}

/** Training's pace while playing, in epochs a second, when frames come slower than 60 a second. */
const EPOCHS_PER_SECOND = 60;
/** A slow frame catches up with a few more epochs, but never spends more than this training… */
const TRAIN_BUDGET_MS = 12;
/** …nor more than this many epochs: a machine that cannot keep up trains slower, it does not freeze. */
const MAX_EPOCHS_PER_FRAME = 4;

/**
 * While `playing`: at least one epoch per animation frame, then every view repaints. At 60 frames
 * a second that is all; when frames come slower (a loaded machine, a slow phone) a frame trains
 * the epochs that 60 a second would have trained since the last one, within a time budget. The
 * numbers do not depend on how epochs fall into frames: a link replays the same run anywhere.
 * Stops by itself when the weights blow up (calls `onStopped`). The training is the animation:
 * it runs even when the reader prefers reduced motion (pausing is theirs to choose).
 */
function useTrainingLoop(playing: boolean, run: SandboxRun, grid: PlaneOutputs, bus: FrameBus, onStopped: () => void): void {
  const stop = useRef(onStopped);
  useLayoutEffect(() => {
    stop.current = onStopped;
  });
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = 0;
    const measure = profiling();
    const tick = (now: number) => {
      const due = last === 0 ? 1 : Math.min(MAX_EPOCHS_PER_FRAME, Math.max(1, Math.round(((now - last) * EPOCHS_PER_SECOND) / 1000)));
      last = now;
      const start = performance.now();
      let trained = 0;
      while (trained < due && !run.diverged && (trained === 0 || performance.now() - start < TRAIN_BUDGET_MS)) {
        run.step(1);
        trained++;
      }
      grid.update();
      bus.emit();
      if (measure) performance.measure("sandbox:frame", { start, detail: { epochs: trained } });
      if (run.diverged) return stop.current();
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, run, grid, bus]);
}
