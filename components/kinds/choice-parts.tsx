"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import styles from "./choice-parts.module.css";

/**
 * Building blocks shared by the choice-based views (concept, training-loop, output-head):
 * labelled radio/checkbox groups, a list reorderable by drag, buttons or arrow keys, and
 * review marks that say right/wrong with a symbol and words, never by colour alone.
 */

export { styles as choiceStyles };

export type Verdict = "right" | "partly" | "wrong" | "unanswered";
export type Mark = "right" | "wrong" | "missed";

const verdictText: Record<Verdict, string> = {
  right: "✓ Right",
  partly: "◐ Partly right",
  wrong: "✗ Not right",
  unanswered: "– Not answered",
};

/** A question's overall verdict, e.g. "✓ Right". `detail` adds e.g. "2 of 3". */
export function VerdictBadge({ verdict, detail, testId }: { verdict: Verdict; detail?: string; testId?: string }) {
  return (
    <span className={`${styles.badge} ${styles[verdict]}`} data-testid={testId} data-verdict={verdict}>
      {verdictText[verdict]}
      {detail ? ` (${detail})` : ""}
    </span>
  );
}

const defaultMarkText: Record<Mark, string> = { right: "✓ right", wrong: "✗ wrong", missed: "○ the right answer" };

/** A mark on one option, card or step; `text` overrides the words (e.g. "✗ belongs 3rd"). */
export function PartMark({ mark, text }: { mark: Mark; text?: string }) {
  return (
    <span className={`${styles.mark} ${styles[mark]}`} data-mark={mark}>
      {text ?? defaultMarkText[mark]}
    </span>
  );
}

export interface ChoiceOption {
  id: string;
  label: ReactNode;
}

/**
 * A fieldset of radio buttons (one choice) or checkboxes (several). Each option is a whole
 * labelled row, so the tap target is the row and screen readers read the label.
 */
export function ChoiceGroup({
  name,
  legend,
  legendHidden = false,
  options,
  multiple = false,
  selected,
  onChange,
  disabled = false,
  marks,
  markText,
  layout = "rows",
  testId,
}: {
  name: string;
  legend: ReactNode;
  legendHidden?: boolean;
  options: readonly ChoiceOption[];
  multiple?: boolean;
  selected: readonly string[];
  onChange(selected: string[]): void;
  disabled?: boolean;
  marks?: Partial<Record<string, Mark>>;
  markText?: Partial<Record<Mark, string>>;
  layout?: "rows" | "pills";
  testId?: string;
}) {
  const toggle = (id: string, checked: boolean) => {
    if (!multiple) return onChange([id]);
    onChange(checked ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  };
  return (
    <fieldset className={styles.group} data-testid={testId}>
      <legend className={legendHidden ? "sr-only" : undefined}>{legend}</legend>
      <div className={layout === "pills" ? styles.pills : styles.options}>
        {options.map((option) => {
          const mark = marks?.[option.id];
          return (
            <label key={option.id} className={styles.option}>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={option.id}
                checked={selected.includes(option.id)}
                disabled={disabled}
                onChange={(e) => toggle(option.id, e.currentTarget.checked)}
              />
              <span className={styles.optionText}>{option.label}</span>
              {mark && <PartMark mark={mark} text={markText?.[mark]} />}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export interface OrderItem {
  id: string;
  label: ReactNode;
  /** Plain text for announcements and button names. */
  text: string;
  /** Shown under the label (e.g. in review). */
  detail?: ReactNode;
  mark?: Mark;
  markText?: string;
  /** A control of the item's own, under its label (e.g. "Set aside"). */
  action?: ReactNode;
}

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
export { ordinal };

function moved(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * A list the player puts in order three ways: drag the ⠿ handle (mouse or touch), press the
 * ↑/↓ buttons, or focus the handle and use the arrow keys. Focus stays on the moved item and a
 * live region says where it went, so keyboard and screen-reader users can follow.
 */
export function OrderList({
  items,
  onChange,
  readOnly = false,
  label,
  testId,
}: {
  items: readonly OrderItem[];
  onChange(order: string[]): void;
  readOnly?: boolean;
  label: string;
  testId?: string;
}) {
  const order = items.map((i) => i.id);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);

  // After a move, put the focus back on the control that made it (React may have moved the node).
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    pendingFocus.current = null;
    const [id, which] = key.split("|");
    const target = controls.current.get(key);
    const fallback = controls.current.get(`${id}|${which === "up" ? "down" : "up"}`);
    (target && !target.disabled ? target : fallback)?.focus();
  });

  function move(id: string, to: number, focus?: "up" | "down" | "handle") {
    const from = order.indexOf(id);
    if (from < 0 || to < 0 || to >= order.length || to === from) return;
    if (focus) pendingFocus.current = `${id}|${focus}`;
    const text = items[from].text;
    setAnnouncement(`${text}: moved to position ${to + 1} of ${order.length}.`);
    onChange(moved(order, from, to));
  }

  // The latest move function, for the window listeners of a drag in progress.
  const moveRef = useRef(move);
  moveRef.current = move;
  const orderRef = useRef(order);
  orderRef.current = order;

  function onPointerDown(e: React.PointerEvent<HTMLButtonElement>, id: string) {
    if (readOnly || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    setDragging(id);
  }

  // While dragging, follow the pointer on the window rather than through pointer capture: a
  // moved list item is re-inserted in the DOM, which would release a capture on its handle.
  // An item swaps with a neighbour only once the pointer passes the neighbour's middle, so
  // items of different heights never flip back and forth under a still finger.
  useEffect(() => {
    if (!dragging) return;
    const middle = (id: string | undefined) => {
      const el = id ? rows.current.get(id) : undefined;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2;
    };
    const onMove = (e: PointerEvent) => {
      const current = orderRef.current;
      const index = current.indexOf(dragging);
      const above = middle(current[index - 1]);
      const below = middle(current[index + 1]);
      if (above !== null && e.clientY < above) moveRef.current(dragging, index - 1);
      else if (below !== null && e.clientY > below) moveRef.current(dragging, index + 1);
    };
    const stop = () => setDragging(null);
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", stop);
    window.addEventListener("pointercancel", stop);
    return () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", stop);
      window.removeEventListener("pointercancel", stop);
    };
  }, [dragging]);

  return (
    <div>
      <ol className={styles.orderList} aria-label={label} data-testid={testId}>
        {items.map((item, index) => (
          <li
            key={item.id}
            ref={(el) => {
              if (el) rows.current.set(item.id, el);
              else rows.current.delete(item.id);
            }}
            className={`${styles.orderItem} ${dragging === item.id ? styles.dragging : ""}`}
            data-testid={`order-item-${item.id}`}
          >
            <span className={styles.position} aria-hidden="true">
              {index + 1}
            </span>
            {readOnly ? (
              <span />
            ) : (
              <button
                type="button"
                className={styles.handle}
                aria-label={`Reorder “${item.text}”, position ${index + 1} of ${items.length}: drag, or use the up and down arrow keys`}
                ref={(el) => {
                  if (el) controls.current.set(`${item.id}|handle`, el);
                  else controls.current.delete(`${item.id}|handle`);
                }}
                onPointerDown={(e) => onPointerDown(e, item.id)}
                onKeyDown={(e) => {
                  if (e.key === "ArrowUp") move(item.id, index - 1, "handle");
                  else if (e.key === "ArrowDown") move(item.id, index + 1, "handle");
                  else if (e.key === "Home") move(item.id, 0, "handle");
                  else if (e.key === "End") move(item.id, items.length - 1, "handle");
                  else return;
                  e.preventDefault();
                }}
              >
                ⠿
              </button>
            )}
            <span className={styles.itemText}>
              {item.label}
              {item.detail && <span className={styles.itemWhy}>{item.detail}</span>}
              {item.action}
            </span>
            {!readOnly && (
              <span className={styles.moves}>
                {(["up", "down"] as const).map((which) => (
                  <button
                    key={which}
                    type="button"
                    className={styles.move}
                    aria-label={`Move “${item.text}” ${which}`}
                    disabled={which === "up" ? index === 0 : index === items.length - 1}
                    ref={(el) => {
                      if (el) controls.current.set(`${item.id}|${which}`, el);
                      else controls.current.delete(`${item.id}|${which}`);
                    }}
                    onClick={() => move(item.id, which === "up" ? index - 1 : index + 1, which)}
                  >
                    {which === "up" ? "↑" : "↓"}
                  </button>
                ))}
              </span>
            )}
            {item.mark && <PartMark mark={item.mark} text={item.markText} />}
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
