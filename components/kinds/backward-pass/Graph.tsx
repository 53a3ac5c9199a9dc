import type { CSSProperties } from "react";
import { type BackwardPassView, type FieldVerdict, nodeId, nodeName, show } from "@/core/kinds/backward-pass/public";
import styles from "./BackwardPass.module.css";

const W = 640;
/** Gradients under the nodes, short enough not to collide: 4 significant digits (the fields and the review have them in full). */
const badge = (v: number) => String(Number(v.toPrecision(4)));
const ROW = 150;
const TOP = 150;
const NODE_W = 106;
const NODE_H = 58;

interface Node {
  /** The field id of its gradient (none for the inputs and targets). */
  field?: string;
  name: string;
  value: number;
  x: number;
  y: number;
}

/** Where every node sits: the shared weights on top, one row per example below them. */
function layout(view: BackwardPassView) {
  const n = view.examples.length;
  const nodes: Node[] = [
    { field: "w", name: "w", value: view.weights.w, x: 60, y: 40 },
    { field: "b", name: "b", value: view.weights.b, x: 180, y: 40 },
    { field: "v", name: "v", value: view.weights.v, x: 300, y: 40 },
  ];
  const edges: { from: string; to: string; curve?: boolean }[] = [];
  view.examples.forEach((ex, k) => {
    const y = TOP + k * ROW;
    const id = (s: string) => nodeId(s, k, n);
    const name = (s: string) => nodeName(s, k, n);
    nodes.push(
      { name: name("x"), value: ex.x, x: 60, y },
      { field: id("z"), name: name("z"), value: ex.z, x: 180, y },
      { field: id("p"), name: name("p"), value: ex.p, x: 300, y },
      { field: id("y"), name: name("y"), value: ex.y, x: 420, y },
      { field: n > 1 ? id("e") : undefined, name: n > 1 ? name("E") : "L = E", value: ex.e, x: 560, y },
    );
    edges.push(
      { from: name("x"), to: id("z") },
      { from: "w", to: id("z") },
      { from: "b", to: id("z") },
      { from: id("z"), to: id("p") },
      { from: "v", to: id("p") },
      { from: id("p"), to: id("y") },
      // The branch: z goes straight to y as well.
      { from: id("z"), to: id("y"), curve: true },
      { from: id("y"), to: n > 1 ? id("e") : "L = E" },
    );
  });
  const height = TOP + (n - 1) * ROW + 100;
  return { nodes, edges, height };
}

export interface GraphProps {
  view: BackwardPassView;
  /** What the player typed per field, shown under each node. */
  typed: Record<string, number | null>;
  /** After scoring: the exact gradients, with each field's verdict; they flow back in depth order. */
  truth?: Record<string, number>;
  verdicts?: Record<string, FieldVerdict>;
  depth: Record<string, number>;
}

export function Graph({ view, typed, truth, verdicts, depth }: GraphProps) {
  const { nodes, edges, height } = layout(view);
  const byKey = new Map(nodes.map((node) => [node.field ?? node.name, node]));
  const n = view.examples.length;
  const mean = n > 1 ? { x: 600, y: TOP + ((n - 1) * ROW) / 2 } : null;
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      className={styles.graph}
      role="img"
      aria-label="The computation graph, with every node's forward value"
      data-testid="graph"
    >
      {edges.map(({ from, to, curve }) => {
        const a = byKey.get(from)!;
        const b = byKey.get(to)!;
        const d = curve
          ? `M${a.x},${a.y + NODE_H / 2} C${a.x + 50},${a.y + NODE_H + 50} ${b.x - 50},${b.y + NODE_H + 50} ${b.x},${b.y + NODE_H / 2}`
          : `M${a.x},${a.y} L${b.x},${b.y}`;
        const flow = truth && to in depth ? ({ "--depth": depth[to] } as CSSProperties) : undefined;
        return <path key={`${from}>${to}`} d={d} className={`${styles.edge} ${curve ? styles.branch : ""} ${flow ? styles.edgeFlow : ""}`} style={flow} />;
      })}
      {mean &&
        view.examples.map((_, k) => {
          const e = byKey.get(nodeId("e", k, n))!;
          return <path key={nodeId("e", k, n)} d={`M${e.x},${e.y} L${mean.x},${mean.y}`} className={styles.edge} />;
        })}
      {nodes.map((node) => (
        <NodeBox
          key={node.field ?? node.name}
          node={node}
          typed={node.field ? typed[node.field] : undefined}
          truth={node.field ? truth?.[node.field] : undefined}
          verdict={node.field ? verdicts?.[node.field] : undefined}
          depth={node.field ? depth[node.field] : 0}
        />
      ))}
      {view.examples.map((ex, k) => (
        <text key={nodeId("t", k, n)} x={560} y={TOP + k * ROW - NODE_H / 2 - 8} className={styles.target} textAnchor="middle">
          {nodeName("t", k, n)} = {show(ex.t)}
        </text>
      ))}
      {mean && (
        <g>
          <rect x={mean.x - 34} y={mean.y - 20} width={68} height={40} rx={8} className={styles.output} />
          <text x={mean.x} y={mean.y + 6} textAnchor="middle" className={styles.nodeName}>
            L
          </text>
        </g>
      )}
    </svg>
  );
}

function NodeBox({ node, typed, truth, verdict, depth }: { node: Node; typed?: number | null; truth?: number; verdict?: FieldVerdict; depth: number }) {
  const { x, y } = node;
  const flow = truth !== undefined ? ({ "--depth": depth } as CSSProperties) : undefined;
  return (
    <g data-testid={node.field ? `node-${node.field}` : undefined}>
      <rect x={x - NODE_W / 2} y={y - NODE_H / 2} width={NODE_W} height={NODE_H} rx={8} className={node.field ? styles.node : styles.input} />
      <text x={x} y={y - 5} textAnchor="middle" className={styles.nodeName}>
        {node.name}
      </text>
      <text x={x} y={y + 21} textAnchor="middle" className={styles.nodeValue} data-testid={node.field ? `value-${node.field}` : `value-${node.name}`}>
        {show(node.value)}
      </text>
      {node.field && truth === undefined && typed !== undefined && typed !== null && (
        <text x={x} y={y + NODE_H / 2 + 22} textAnchor="middle" className={styles.typed}>
          ∂ {badge(typed)}
        </text>
      )}
      {node.field && truth !== undefined && (
        <text
          x={x}
          y={y + NODE_H / 2 + 22}
          textAnchor="middle"
          className={`${styles.truth} ${styles.flow} ${verdict === "right" ? styles.right : styles.wrong}`}
          style={flow}
        >
          ∂ {badge(truth)} {verdict === "right" ? "✓" : "✗"}
        </text>
      )}
    </g>
  );
}
