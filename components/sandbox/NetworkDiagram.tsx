"use client";

import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import type { PlaneOutputs, SandboxRun } from "@/core/sandbox/run";
import { useWidth } from "../training/useWidth";
import { type FrameBus, usePainter } from "./frames";
import { type DiagramLayout, diagramLayout, edgePath, itemName, itemTestId, itemValue, type NetworkItem, networkItems, unitName } from "./network-items";
import { edgeStyle, formatValue, paintGrid } from "./paint";
import { WeightEditor } from "./WeightEditor";
import styles from "./sandbox.module.css";

interface Props {
  run: SandboxRun;
  grid: PlaneOutputs;
  bus: FrameBus;
  /** Changes whenever the weights changed outside React (a pause, a step, an edit): re-reads them. */
  version: number;
  onEditStart(): void;
  onEdit(item: NetworkItem, value: number): void;
}

/**
 * The network as TensorFlow Playground draws it: every unit a small picture of its output over
 * the plane, every weight an edge whose thickness and colour (and dash, for negative ones) show
 * its value. Hovering or focusing an edge or a unit shows its value; a click or Enter edits it.
 * Keyboard: one Tab stop; the arrow keys move from number to number, Home and End jump.
 */
export function NetworkDiagram({ run, grid, bus, version, onEditStart, onEdit }: Props) {
  // Measured on the drawing area itself (inside the panel's padding): the SVGs take exactly its width.
  const [ref, width] = useWidth<HTMLFieldSetElement>(560);
  const { net, settings } = run;
  const sizes = net.sizes;
  const layout = useMemo(() => diagramLayout(sizes, width), [sizes, width]);
  const items = useMemo(() => networkItems(sizes), [sizes]);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const itemRefs = useRef<(SVGElement | null)[]>([]);
  const edgeRefs = useRef<(SVGPathElement | null)[]>([]);
  const tipValue = useRef<HTMLSpanElement>(null);
  const current = Math.min(active, items.length - 1);

  // Every frame: the edges' look and the tooltip's number follow the weights.
  usePainter(bus, () => {
    items.forEach((item, k) => {
      const path = edgeRefs.current[k];
      if (!path || item.kind !== "weight") return;
      const style = edgeStyle(itemValue(net, item));
      path.setAttribute("stroke", style.stroke);
      path.setAttribute("stroke-width", style.width.toFixed(2));
      path.setAttribute("stroke-dasharray", style.dash);
    });
    if (tipValue.current && shown !== null && items[shown]) tipValue.current.textContent = formatValue(itemValue(net, items[shown]));
  });

  const focusItem = (k: number) => {
    const next = (k + items.length) % items.length;
    setActive(next);
    setShown(next);
    itemRefs.current[next]?.focus();
  };
  const startEdit = (k: number) => {
    onEditStart();
    setActive(k);
    setShown(null);
    setEditing(k);
  };
  const onKeyDown = (event: KeyboardEvent, k: number) => {
    const moves: Record<string, number> = { ArrowRight: k + 1, ArrowDown: k + 1, ArrowLeft: k - 1, ArrowUp: k - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      startEdit(k);
    }
  };
  const handlers = (k: number) => ({
    ref: (el: SVGElement | null) => {
      itemRefs.current[k] = el;
    },
    tabIndex: k === current ? 0 : -1,
    role: "button",
    "aria-label": `${itemName(sizes, settings.features, items[k])}: ${formatValue(itemValue(net, items[k]))}. Press Enter to edit.`,
    "data-testid": itemTestId(items[k]),
    onKeyDown: (e: KeyboardEvent) => onKeyDown(e, k),
    onFocus: () => {
      setActive(k);
      setShown(k);
    },
    onBlur: () => setShown((s) => (s === k ? null : s)),
    onPointerEnter: () => setShown(k),
    onPointerLeave: () => setShown((s) => (s === k ? null : s)),
    onClick: () => startEdit(k),
  });

  const anchor = (k: number) => itemAnchor(layout, items[k]);
  return (
    <div className={styles.diagram}>
      <fieldset
        ref={ref}
        className={styles.diagramArea}
        style={{ height: layout.height }}
        aria-label="Weights and biases of the network. Arrow keys move from one to the next; Enter edits the one in focus."
        data-testid="network-diagram"
        data-version={version}
      >
        <ColumnTitles sizes={sizes} layout={layout} />
        <svg className={styles.edges} width={layout.width} height={layout.height}>
          <title>Weights</title>
          {items.map((item, k) => {
            if (item.kind !== "weight") return null;
            const d = edgePath(layout, item.layer, item.from, item.to);
            const style = edgeStyle(itemValue(net, item));
            return (
              <g key={itemTestId(item)}>
                <path
                  d={d}
                  ref={(el) => {
                    edgeRefs.current[k] = el;
                  }}
                  fill="none"
                  stroke={style.stroke}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash}
                  pointerEvents="none"
                />
                <path d={d} className={styles.edgeHit} {...handlers(k)} />
              </g>
            );
          })}
        </svg>
        <UnitPictures run={run} grid={grid} bus={bus} layout={layout} />
        <svg className={styles.units} width={layout.width} height={layout.height}>
          <title>Biases</title>
          {items.map((item, k) => {
            if (item.kind !== "bias") return null;
            const x = layout.x(item.layer + 1) - layout.box / 2;
            const y = layout.y(item.unit) - layout.box / 2;
            return <rect key={itemTestId(item)} x={x} y={y} width={layout.box} height={layout.box} rx={3} className={styles.unitHit} {...handlers(k)} />;
          })}
        </svg>
        {shown !== null && editing === null && items[shown] && (
          <div className={styles.tooltip} style={tooltipPosition(layout, anchor(shown))} role="tooltip" data-testid="weight-tooltip">
            {itemName(sizes, settings.features, items[shown])}: <strong ref={tipValue}>{formatValue(itemValue(net, items[shown]))}</strong>
          </div>
        )}
        {editing !== null && items[editing] && (
          <WeightEditor
            name={itemName(sizes, settings.features, items[editing])}
            value={itemValue(net, items[editing])}
            position={tooltipPosition(layout, anchor(editing))}
            onDone={(value) => {
              const k = editing;
              if (value !== null) onEdit(items[k], value);
              setEditing(null);
              // Back to the edited number, so the keyboard carries on from there.
              requestAnimationFrame(() => itemRefs.current[k]?.focus());
            }}
          />
        )}
      </fieldset>
      <p className="muted" id="diagram-help">
        Blue solid edges are positive weights, orange dashed ones negative; thicker means larger. Each square shows what that unit outputs over the plane
        (orange −1, white 0, blue +1). Hover, or Tab to the network and use the arrow keys, to read a weight; click or press Enter to change it.
      </p>
    </div>
  );
}

/** Where an item's tooltip or editor points: an edge's middle, or a unit's picture. */
function itemAnchor(layout: DiagramLayout, item: NetworkItem): { x: number; y: number } {
  if (item.kind === "bias") return { x: layout.x(item.layer + 1), y: layout.y(item.unit) + layout.box / 2 };
  return { x: (layout.x(item.layer) + layout.x(item.layer + 1)) / 2, y: (layout.y(item.from) + layout.y(item.to)) / 2 };
}

/** Below the anchor, kept inside the diagram's width (on a phone the diagram is narrow). */
function tooltipPosition(layout: DiagramLayout, at: { x: number; y: number }): { left: number; top: number; maxWidth: number } {
  const maxWidth = Math.min(260, layout.width - 8);
  return { left: Math.max(4, Math.min(at.x - maxWidth / 2, layout.width - maxWidth - 4)), top: at.y + 10, maxWidth };
}

function ColumnTitles({ sizes, layout }: { sizes: readonly number[]; layout: DiagramLayout }) {
  const short = layout.gap < 70;
  return (
    <div aria-hidden="true">
      {sizes.map((n, c) => {
        // Narrow columns (a phone, many layers) get short titles without the unit count.
        const title = c === 0 ? (short ? "In" : "Inputs") : c === sizes.length - 1 ? (short ? "Out" : "Output") : short ? `L${c}` : `Layer ${c}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions; their count is the key's meaning
          <span key={c} className={styles.columnTitle} style={{ left: layout.x(c), top: 2 }}>
            {title}
            {!short && c > 0 && c < sizes.length - 1 && <span className="muted"> ·{n}</span>}
          </span>
        );
      })}
    </div>
  );
}

/** Each unit's output over the plane: the inputs once per render, hidden units and the output every frame. */
function UnitPictures({ run, grid, bus, layout }: { run: SandboxRun; grid: PlaneOutputs; bus: FrameBus; layout: DiagramLayout }) {
  const sizes = run.net.sizes;
  const canvases = useRef<(HTMLCanvasElement | null)[][]>([]);
  usePainter(bus, () => {
    sizes.forEach((n, c) => {
      for (let j = 0; j < n; j++) {
        const canvas = canvases.current[c]?.[j];
        if (!canvas) continue;
        if (c === 0) paintGrid(canvas, grid.features[j], 0, grid.size, "signed");
        else if (c === sizes.length - 1) paintGrid(canvas, grid.output, 0, grid.size, "probability");
        else paintGrid(canvas, grid.layers[c - 1], j * grid.cells, grid.size, "signed");
      }
    });
  });
  return (
    <div aria-hidden="true">
      {sizes.map((n, c) =>
        Array.from({ length: n }, (_, j) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: a unit is its position in the network
            key={`${c}-${j}`}
            className={styles.unit}
            style={{ left: layout.x(c) - layout.box / 2, top: layout.y(j) - layout.box / 2, width: layout.box, height: layout.box }}
          >
            <canvas
              ref={(el) => {
                canvases.current[c] ??= [];
                canvases.current[c][j] = el;
              }}
              width={grid.size}
              height={grid.size}
            />
            {c === 0 && <span className={styles.inputLabel}>{unitName(sizes, run.settings.features, 0, j)}</span>}
          </div>
        )),
      )}
    </div>
  );
}
