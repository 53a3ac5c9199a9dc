import { forward, symbol, type ChainNetwork } from "@/core/kinds/chain-rule/public";
import styles from "./ChainRule.module.css";

/** Given values as the player reads them: at most 4 decimals, no trailing zeros (2, 0.5, −1). */
export const show = (v: number) => String(Number(v.toFixed(4)));
/** Computed values (z, activations, E, factors): 4 decimals when rounded, so the rounding is visible. */
export const show4 = (v: number) => (Number(v.toFixed(4)) === v ? String(v) : v.toFixed(4));

/** Distance between columns: wide enough for a weight's label between two nodes (more when few). */
const COLUMN = 135;
const R = 25;

/**
 * The network as a small left-to-right diagram: inputs, each sigmoid unit (its z and activation),
 * weights on the edges, biases under the units, and the error E with its target t.
 */
export function NetworkDiagram({ net, highlight }: { net: ChainNetwork; highlight: string }) {
  const { values } = forward(net);
  // Columns: inputs first, then each unit one column right of its rightmost source, then E.
  const column: Record<string, number> = {};
  for (const input of net.inputs) column[input.id] = 0;
  for (const unit of net.units) column[unit.id] = 1 + Math.max(...unit.weights.map((w) => column[w.from]));
  const output = net.units[net.units.length - 1];
  const columns = column[output.id] + 2;
  const byColumn: string[][] = Array.from({ length: columns - 1 }, () => []);
  for (const id of [...net.inputs.map((i) => i.id), ...net.units.map((u) => u.id)]) byColumn[column[id]].push(id);
  const rows = Math.max(...byColumn.map((c) => c.length));
  const height = 90 + rows * 110;
  const spacing = Math.max(COLUMN, 360 / (columns - 1));
  const width = 100 + (columns - 1) * spacing;
  const x = (col: number) => 40 + col * spacing;
  const position: Record<string, [number, number]> = {};
  byColumn.forEach((ids, col) => {
    ids.forEach((id, row) => {
      position[id] = [x(col), 20 + ((row + 0.5) * (height - 90)) / ids.length];
    });
  });
  const [ox, oy] = position[output.id];
  const ex = x(columns - 1) + 10;

  return (
    <svg
      className={styles.diagram}
      style={{ maxWidth: Math.round(width * 1.2) }}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="The network: the values are listed below the diagram."
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#55585f" />
        </marker>
      </defs>
      {net.units.flatMap((unit) =>
        unit.weights.map((w) => {
          const [x1, y1] = position[w.from];
          const [x2, y2] = position[unit.id];
          const asked = w.id === highlight;
          // The label sits beside the edge, where nothing else is written (each unit's values are
          // stacked under it): above a level edge or one that runs downwards, under one that runs upwards.
          const [dx, dy] = [x2 - x1, y2 - y1];
          const length = Math.hypot(dx, dy) || 1;
          const level = Math.abs(dy) < 1;
          const side = !level && dy < 0 ? 1 : -1;
          const lx = level ? (x1 + x2) / 2 : x1 + dx * 0.45 + side * (-dy / length) * 14;
          const ly = level ? y1 - 12 : y1 + dy * 0.45 + side * (dx / length) * 14 + (side > 0 ? 12 : 0);
          return (
            <g key={w.id}>
              <line x1={x1 + R} y1={y1} x2={x2 - R - 2} y2={y2} stroke={asked ? "#0072b2" : "#55585f"} strokeWidth={asked ? 4 : 2} markerEnd="url(#arrow)" />
              <text x={lx} y={ly} textAnchor="middle" className={asked ? styles.asked : styles.edge}>
                {symbol(w.id)} = {show(w.value)}
              </text>
            </g>
          );
        }),
      )}
      <line x1={ox + R} y1={oy} x2={ex - 34} y2={oy} stroke="#55585f" strokeWidth={2} markerEnd="url(#arrow)" />
      {net.inputs.map((input) => {
        const [cx, cy] = position[input.id];
        return (
          <g key={input.id}>
            <rect x={cx - R} y={cy - R} width={2 * R} height={2 * R} rx={6} fill="#fff" stroke="#1b1b1f" strokeWidth={2} />
            <text x={cx} y={cy + 6} textAnchor="middle" className={styles.node}>
              {symbol(input.id)}
            </text>
            <text x={cx} y={cy + R + 18} textAnchor="middle" className={styles.value}>
              = {show(input.value)}
            </text>
          </g>
        );
      })}
      {net.units.map((unit) => {
        const [cx, cy] = position[unit.id];
        const asked = unit.bias.id === highlight;
        return (
          <g key={unit.id}>
            <circle cx={cx} cy={cy} r={R} fill="#e8f3fb" stroke="#1b1b1f" strokeWidth={2} />
            <text x={cx} y={cy + 6} textAnchor="middle" className={styles.node}>
              {symbol(unit.id)}
            </text>
            <text x={cx} y={cy + R + 20} textAnchor="middle" className={styles.value}>
              {symbol(unit.preActivation)} = {show4(values[unit.preActivation])}
            </text>
            <text x={cx} y={cy + R + 42} textAnchor="middle" className={styles.value}>
              {symbol(unit.id)} = {show4(values[unit.id])}
            </text>
            <text x={cx} y={cy + R + 64} textAnchor="middle" className={asked ? styles.asked : styles.edge}>
              {symbol(unit.bias.id)} = {show(unit.bias.value)}
            </text>
          </g>
        );
      })}
      <g>
        <rect x={ex - 32} y={oy - R} width={64} height={2 * R} rx={8} fill="#fff4e0" stroke="#1b1b1f" strokeWidth={2} />
        <text x={ex} y={oy + 6} textAnchor="middle" className={styles.node}>
          E
        </text>
        <text x={ex} y={oy - R - 8} textAnchor="middle" className={styles.value}>
          t = {show(net.target)}
        </text>
        <text x={ex} y={oy + R + 18} textAnchor="middle" className={styles.value}>
          = {show4(values.E)}
        </text>
      </g>
    </svg>
  );
}

/** The same values as text, for reading and for screen readers. */
export function ValueList({ net }: { net: ChainNetwork }) {
  const { values } = forward(net);
  const items: [string, string][] = [
    ...net.inputs.map((i): [string, string] => [symbol(i.id), show(i.value)]),
    ...net.units.flatMap((u): [string, string][] => [
      ...u.weights.map((w): [string, string] => [symbol(w.id), show(w.value)]),
      [symbol(u.bias.id), show(u.bias.value)],
      [
        `${symbol(u.preActivation)} = ${u.weights.map((w) => `${symbol(w.id)}·${symbol(w.from)}`).join(" + ")} + ${symbol(u.bias.id)}`,
        show4(values[u.preActivation]),
      ],
      [`${symbol(u.id)} = σ(${symbol(u.preActivation)})`, show4(values[u.id])],
    ]),
    ["t (target)", show(net.target)],
    [`E = ½(${symbol(net.units[net.units.length - 1].id)} − t)²`, show4(values.E)],
  ];
  return (
    <dl className={styles.values} data-testid="network-values">
      {items.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
