"use client";

import { type ComponentType, useRef } from "react";
import { useMedia } from "../../useMedia";
import { useLabelFloor } from "../../useLabelFloor";
import { type BackwardPassView, fieldDepths, fieldsOf } from "@/core/kinds/backward-pass/public";
import { type ChainNetwork, symbol } from "@/core/kinds/chain-rule/public";
import { type Control, controlInfo, optionInfo } from "@/core/kinds/deep-training/public-options";
import { type DownhillView, minimumOfView, momentsOfView } from "@/core/kinds/downhill/public";
import type { KindId, KindView } from "@/core/kinds/public";
import { isClassifier, PARAMETERS } from "@/core/kinds/tune-weights/public-network";
import type { PublicLevel } from "@/core/play/public-level";
import { Graph } from "../../kinds/backward-pass/Graph";
import { NetworkDiagram } from "../../kinds/chain-rule/NetworkDiagram";
import { Surface } from "../../kinds/downhill/Surface";
import { NonlinearityProjector } from "../../kinds/nonlinearity/Projector";
import { FeaturesProjector } from "../../kinds/features/Projector";
import { HeadTrainingProjector } from "../../kinds/head-training/Projector";
import { GeneraliseProjector } from "../../kinds/generalise/Projector";
import styles from "./Challenge.module.css";
import { Paged } from "./Paged";
import { ProjectorWhichNetwork } from "../../kinds/which-network/Projector";
import { ProjectorWhyNow } from "../../kinds/why-now/Projector";

/**
 * The challenge itself on the projector, read-only and large, from the round's public level (the
 * same instance every phone plays): the question and its options, the points to separate, the
 * network, the choices on offer. The teacher points at it; nothing here is an answer.
 */
type ChallengeViews = { [K in KindId]: ComponentType<{ view: KindView<K> }> };

const LETTERS = "ABCDEFGHIJKL";

/** A scatter of labelled points: filled dark circles and open circles (shape, not only colour). */
function Scatter({
  points,
  bounds,
  axes,
}: {
  points: { x: number; y: number; label: number }[];
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
  axes?: { x: string; y: string };
}) {
  const size = 100;
  const sx = (x: number) => ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * size;
  const sy = (y: number) => size - ((y - bounds.yMin) / (bounds.yMax - bounds.yMin)) * size;
  const label = axes ? `Scatter plot of ${points.length} points, ${axes.x} across and ${axes.y} up` : `Scatter plot of ${points.length} points`;
  return (
    <figure className="projector-plot">
      <svg viewBox={`-2 -2 ${size + 4} ${size + 4}`} role="img" aria-label={label}>
        <rect x={0} y={0} width={size} height={size} fill="#fff" stroke="#55585f" strokeWidth={0.3} />
        {bounds.xMin < 0 && bounds.xMax > 0 && <line x1={sx(0)} x2={sx(0)} y1={0} y2={size} stroke="#55585f" strokeWidth={0.3} />}
        {bounds.yMin < 0 && bounds.yMax > 0 && <line x1={0} x2={size} y1={sy(0)} y2={sy(0)} stroke="#55585f" strokeWidth={0.3} />}
        {points.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: points have no id and never reorder
          <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={1.3} fill={p.label ? "#1b1b1f" : "#fff"} stroke="#1b1b1f" strokeWidth={0.45} />
        ))}
      </svg>
      {axes && (
        <figcaption>
          → {axes.x} · ↑ {axes.y}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * Options as tiles. Four make two rows of two: three across and one below left the first row's
 * long options six lines tall, and a 1024×768 projector cut the fourth off.
 */
function Tiles({ items, lettered = true, first = 0 }: { items: string[]; lettered?: boolean; first?: number }) {
  return (
    <ol className="projector-options" style={items.length === 4 ? { gridTemplateColumns: "repeat(2, minmax(0, 1fr))" } : undefined}>
      {items.map((label, i) => (
        // Lines a little closer than a paragraph's: a question with six long cards fits a 1024×768 projector.
        <li key={label} style={{ lineHeight: 1.1 }}>
          {lettered && <span className="option-letter">{LETTERS[first + i]}</span>}
          {label}
        </li>
      ))}
    </ol>
  );
}

/** The chain rule's diagram, filling the stage, its labels sized for the back row. */
function ProjectorDiagram({ net }: { net: ChainNetwork }) {
  const box = useRef<HTMLDivElement>(null);
  useLabelFloor(box, net);
  return (
    <div className="projector-diagram" ref={box}>
      <NetworkDiagram net={net} highlight={net.ask} />
    </div>
  );
}

/** The bowl's contours with the start, as tall as the stage allows (the phone's view caps its width), its labels for the back row. */
function ProjectorBowl({ view }: { view: DownhillView }) {
  const box = useRef<HTMLElement>(null);
  useLabelFloor(box, view);
  return (
    <div className="projector-split">
      <figure className={`projector-plot ${styles.bowl}`} ref={box}>
        <Surface
          view={view}
          m={momentsOfView(view)}
          min={minimumOfView(view)}
          path={[view.start]}
          label="The loss over the two parameters w and b, as contour lines, with the starting point"
        />
      </figure>
      <div>
        <p className="projector-prompt">{DOWNHILL_TASKS[view.play.mode]}</p>
        <p className="projector-note">Each line joins the points of equal loss; downhill is across the lines.</p>
        <p className="projector-note">
          w from {view.window.wMin} to {view.window.wMax} across, b from {view.window.bMin} to {view.window.bMax} up.
        </p>
      </div>
    </div>
  );
}

/** The graph with its forward values and no gradient yet, its labels for the back row. */
function ProjectorGraph({ view }: { view: BackwardPassView }) {
  const box = useRef<HTMLDivElement>(null);
  useLabelFloor(box, view);
  return (
    <div className="projector-question">
      <p className="projector-prompt">Fill in ∂L/∂ of every node, from the loss back.</p>
      <div className={`projector-diagram ${styles.graph}`} ref={box}>
        <Graph view={view} typed={{}} depth={fieldDepths(fieldsOf(view.examples.length))} />
      </div>
    </div>
  );
}

/**
 * The training loop's cards, at most four at a time: eight long cards (the steps and the ones to
 * set aside) at the back row's size do not fit a 1024×768 projector at once. Six or fewer stay on
 * one page.
 */
const CARDS_PER_PAGE = 4;
/** A sort question's cards are long sentences: three at a time when there are more than four. */
const SORT_CARDS_PER_PAGE = 3;
/** A projector of 800 px or less in height (1024×768): six long options of a question do not fit at once there. */
const SHORT_PROJECTOR = "(max-height: 800px)";
const OPTIONS_PER_SHORT_PAGE = 3;

/** A sort question's cards, a few per page: three, or two on a short projector (long cards run to five lines there). */
function SortCards({ labels }: { labels: string[] }) {
  const perPage = useMedia(SHORT_PROJECTOR) ? 2 : SORT_CARDS_PER_PAGE;
  return (
    <Paged
      items={pagesOf(labels, perPage, perPage + 1)}
      tab={(page, i) => `Cards ${i * perPage + 1}–${i * perPage + page.length}`}
      render={(page) => <Tiles items={page} lettered={false} />}
    />
  );
}

/**
 * A question's options: all at once, or on a short projector with more than four of them, in
 * pages of three (lettered on across pages), so a draw of six long options never overflows.
 */
function ChoiceTiles({ labels, lettered }: { labels: string[]; lettered: boolean }) {
  const short = useMedia(SHORT_PROJECTOR);
  if (!short || labels.length <= 4) return <Tiles items={labels} lettered={lettered} />;
  const pages = pagesOf(labels, OPTIONS_PER_SHORT_PAGE, 4);
  return (
    <Paged
      items={pages}
      tab={(page, i) =>
        lettered
          ? `Options ${LETTERS[i * OPTIONS_PER_SHORT_PAGE]}–${LETTERS[i * OPTIONS_PER_SHORT_PAGE + page.length - 1]}`
          : `Cards ${i * OPTIONS_PER_SHORT_PAGE + 1}–${i * OPTIONS_PER_SHORT_PAGE + page.length}`
      }
      render={(page, i) => <Tiles items={page} lettered={lettered} first={i * OPTIONS_PER_SHORT_PAGE} />}
    />
  );
}
/** Items in pages of `size`, or all on one page when there are at most `onePage` of them. */
function pagesOf<T>(items: T[], size: number, onePage = 6): T[][] {
  if (items.length <= onePage) return [items];
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

const DOWNHILL_TASKS: Record<DownhillView["play"]["mode"], string> = {
  steps: "Take gradient steps by hand: choose each step's size, and reach the bottom of the bowl in as few steps as you can.",
  run: "Choose the learning rate and the momentum of a run of gradient descent that ends near the bottom of the bowl.",
  batches: "Choose the batch size and the learning rate that get closest to the bottom within the budget of epochs.",
};

const challengeViews: ChallengeViews = {
  concept: ({ view }) => (
    <Paged
      items={view.questions}
      tab={(_, i) => `Q${i + 1}`}
      render={(q) => (
        <div className="projector-question">
          <p className="projector-prompt">{q.prompt}</p>
          {q.type === "sort" && q.bins ? (
            <>
              <p>Sort into: {q.bins.map((b) => b.label).join(" · ")}</p>
              <SortCards key={q.id} labels={q.options.map((o) => o.label)} />
            </>
          ) : (
            <ChoiceTiles key={q.id} labels={q.options.map((o) => o.label)} lettered={q.type !== "order"} />
          )}
          {q.type === "order" && <p className="projector-note">Put them in order.</p>}
        </div>
      )}
    />
  ),
  "training-loop": ({ view }) => (
    <div className="projector-question">
      <p className="projector-prompt">Put the steps of training in order, and set aside the cards that are not steps:</p>
      <Paged
        items={pagesOf(
          view.steps.map((s) => s.label),
          CARDS_PER_PAGE,
        )}
        tab={(page, i) => `Cards ${i * CARDS_PER_PAGE + 1}–${i * CARDS_PER_PAGE + page.length}`}
        render={(page) => <Tiles items={page} lettered={false} />}
      />
    </div>
  ),
  "output-head": ({ view }) => (
    <Paged
      items={view.cards}
      tab={(_, i) => `Task ${i + 1}`}
      render={(card) => (
        <div className="projector-question">
          <p className="projector-prompt">{card.prompt}</p>
          <p className="projector-note">Design its output layer: how many units, which activation, which loss?</p>
        </div>
      )}
    />
  ),
  "chain-rule": ({ view }) => (
    <div className="projector-question">
      <p className="projector-prompt">
        Compute ∂E/∂{symbol(view.network.ask)}, with E = ½(y − t)² and t = {view.network.target}.
      </p>
      <ProjectorDiagram net={view.network} />
    </div>
  ),
  "coordinate-change": ({ view }) => (
    <div className="projector-split">
      <Scatter points={view.dataset.points} bounds={view.dataset.bounds} axes={view.dataset.axes} />
      <div>
        <p className="projector-prompt">Change the coordinates until one simple rule sorts every point: black on one side, white on the other.</p>
        <p className="projector-note">
          {[view.locked.includes("rotate") ? null : "turn", view.locked.includes("shift") ? null : "shift", view.locked.includes("scale") ? null : "rescale"]
            .filter(Boolean)
            .join(", ")}{" "}
          the axes{view.representations.length > 1 ? `; try ${view.representations.join(" or ")}` : ""}.
        </p>
      </div>
    </div>
  ),
  "tune-weights": ({ view }) => {
    const two = isClassifier(view.model);
    const points = Array.from({ length: view.data.count }, (_, i) =>
      two ? { x: view.data.xs[2 * i], y: view.data.xs[2 * i + 1], label: view.data.ys[i] } : { x: view.data.xs[i], y: view.data.ys[i], label: 1 },
    );
    return (
      <div className="projector-split">
        <Scatter points={points} bounds={view.bounds} />
        <div>
          <p className="projector-prompt">
            Set the {PARAMETERS[view.model].length} weights by hand until the loss is under {view.targetLoss}.
          </p>
        </div>
      </div>
    );
  },
  "deep-training": ({ view }) => {
    const label = (control: Control, value: string) => (optionInfo[control] as Record<string, { label: string }>)[value]?.label ?? value;
    return (
      <div className="projector-question">
        <p className="projector-prompt">
          A network {view.depth} layers deep, {view.width} units each, learns from {view.count} points. Reach loss {view.targetLoss} within {view.epochs}{" "}
          epochs.
        </p>
        {view.maxChanges !== undefined ? (
          // A level with a limit on changes opens every setting: one line each, so the four fit a 1024×768 projector.
          <>
            <p className="projector-note">
              Change at most {view.maxChanges} of these {view.open.length} settings from where they start:
            </p>
            {view.open.map((control) => (
              <p key={control} className="projector-note">
                <strong>{controlInfo[control].legend}:</strong>{" "}
                {(view.options[control] ?? []).map((o) => (o === view.start[control] ? `${label(control, o)} (start)` : label(control, o))).join(" or ")}
              </p>
            ))}
          </>
        ) : (
          view.open.map((control) => (
            <div key={control}>
              <p className="projector-note">{controlInfo[control].legend}:</p>
              <Tiles items={(view.options[control] ?? []).map((o) => label(control, o))} />
            </div>
          ))
        )}
      </div>
    );
  },
  "learning-rate": ({ view }) => (
    <div className="projector-question">
      <p className="projector-prompt">
        Gradient descent fits {view.count} points with a {[1, ...view.hidden, 1].join("–")} network. Which step size reaches loss {view.targetLoss} in the
        fewest of {view.epochs} epochs?
      </p>
      <Tiles items={view.rates.map((r) => `rate ${r}`)} />
    </div>
  ),
  downhill: ({ view }) => <ProjectorBowl view={view} />,
  "backward-pass": ({ view }) => <ProjectorGraph view={view} />,
  "run-the-loop": ({ view }) => (
    <div className="projector-question">
      <p className="projector-prompt">
        Run the training loop by hand on ŷ = w·x: start at w = {view.w0}, learning rate η = {view.rate}, and stop as soon as a loss is below {view.target}.
      </p>
      <p className="projector-note">
        Points: {view.points.map((p) => `(x ${p.x}, y ${p.y})`).join(", ")}. Each step is chosen, then carried out with its numbers.
      </p>
    </div>
  ),
  nonlinearity: NonlinearityProjector,
  features: FeaturesProjector,
  "head-training": HeadTrainingProjector,
  "which-network": ({ view }) => (
    <ProjectorWhichNetwork
      view={view}
      paged={(questions, render) => <Paged items={questions} tab={(_, i) => `Dataset ${i + 1}`} render={render} />}
      tiles={(items) => <Tiles items={items} />}
    />
  ),
  "why-now": ({ view }) => (
    <ProjectorWhyNow view={view} paged={(items, tab, render) => <Paged items={items} tab={tab} render={render} />} tiles={(items) => <Tiles items={items} />} />
  ),
  generalise: GeneraliseProjector,
  digits: ({ view }) => (
    <div className="projector-question">
      <p className="projector-prompt">
        Train a digit reader: choose its depth, its width and how many examples it learns from. Scored on {view.testCount} digits it never saw.
      </p>
      <ul className="projector-list">
        {!view.locked.includes("depth") && <li>Layers: {view.depths.join(", ")}</li>}
        {!view.locked.includes("width") && <li>Units per layer: {view.widths.join(", ")}</li>}
        {!view.locked.includes("examples") && <li>Examples: {view.examples.join(", ")}</li>}
        {view.budget !== undefined && <li>Budget: {view.budget.toLocaleString("en")} multiply-adds per epoch</li>}
      </ul>
    </div>
  ),
};

export function ProjectorChallenge({ level }: { level: PublicLevel }) {
  if (!Object.hasOwn(challengeViews, level.kind)) return null;
  const View = challengeViews[level.kind] as ComponentType<{ view: unknown }>;
  return (
    <div className="projector-challenge" data-testid="projector-challenge">
      <View view={level.view} />
    </div>
  );
}
