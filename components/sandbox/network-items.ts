import { FEATURE_INFO } from "@/core/sandbox/features";
import type { Network } from "@/core/sandbox/network";
import type { FeatureName } from "@/core/sandbox/settings";

/**
 * The editable numbers of the diagram, in keyboard order: layer by layer, each layer's weights
 * (from each unit below to each unit above) and then the biases of the units it feeds.
 */
export type NetworkItem = { kind: "weight"; layer: number; from: number; to: number } | { kind: "bias"; layer: number; unit: number };

export function networkItems(sizes: readonly number[]): NetworkItem[] {
  const items: NetworkItem[] = [];
  for (let layer = 0; layer + 1 < sizes.length; layer++) {
    for (let from = 0; from < sizes[layer]; from++) for (let to = 0; to < sizes[layer + 1]; to++) items.push({ kind: "weight", layer, from, to });
    for (let unit = 0; unit < sizes[layer + 1]; unit++) items.push({ kind: "bias", layer, unit });
  }
  return items;
}

export function itemValue(net: Network, item: NetworkItem): number {
  return item.kind === "weight" ? net.weights[item.layer][item.from * net.sizes[item.layer + 1] + item.to] : net.biases[item.layer][item.unit];
}

/** A unit's name: the feature for an input, "unit 3 of layer 1" for a hidden unit, "the output". */
export function unitName(sizes: readonly number[], features: readonly FeatureName[], column: number, unit: number): string {
  if (column === 0) return FEATURE_INFO[features[unit]].label;
  if (column === sizes.length - 1) return "the output";
  return `unit ${unit + 1} of layer ${column}`;
}

/** What the item is, in words: "weight from x₁ to unit 2 of layer 1". */
export function itemName(sizes: readonly number[], features: readonly FeatureName[], item: NetworkItem): string {
  if (item.kind === "bias") return `bias of ${unitName(sizes, features, item.layer + 1, item.unit)}`;
  return `weight from ${unitName(sizes, features, item.layer, item.from)} to ${unitName(sizes, features, item.layer + 1, item.to)}`;
}

/** A stable test id: weight-<layer>-<from>-<to> or bias-<layer>-<unit>. */
export function itemTestId(item: NetworkItem): string {
  return item.kind === "weight" ? `weight-${item.layer}-${item.from}-${item.to}` : `bias-${item.layer}-${item.unit}`;
}

/** Where each unit sits on the diagram, in CSS pixels, for a container `width` wide. */
export interface DiagramLayout {
  width: number;
  height: number;
  /** Side of a unit's square picture. */
  box: number;
  /** Gap between column centres. */
  gap: number;
  x(column: number): number;
  y(row: number): number;
}

/** Room on the left for the inputs' names ("sin x₁"). */
const LABEL_WIDTH = 50;
const TOP = 26;

export function diagramLayout(sizes: readonly number[], width: number): DiagramLayout {
  const columns = sizes.length;
  const rows = Math.max(...sizes);
  const usable = width - LABEL_WIDTH - 8;
  const gap = usable / Math.max(1, columns - 1 + 0.8);
  const box = Math.round(Math.max(22, Math.min(44, gap * 0.5)));
  const rowGap = box + Math.max(10, box * 0.35);
  const first = LABEL_WIDTH + box / 2;
  return {
    width,
    height: TOP + rows * rowGap + 4,
    box,
    gap,
    x: (column) => first + column * gap,
    y: (row) => TOP + row * rowGap + box / 2,
  };
}

/** The edge from (x1, y1) to (x2, y2), leaving and entering the unit pictures' sides, as an S-curve. */
export function edgePath(layout: DiagramLayout, fromColumn: number, fromRow: number, toRow: number): string {
  const x1 = layout.x(fromColumn) + layout.box / 2;
  const x2 = layout.x(fromColumn + 1) - layout.box / 2;
  const y1 = layout.y(fromRow);
  const y2 = layout.y(toRow);
  const mid = (x1 + x2) / 2;
  return `M${x1.toFixed(1)},${y1.toFixed(1)} C${mid.toFixed(1)},${y1.toFixed(1)} ${mid.toFixed(1)},${y2.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
}
