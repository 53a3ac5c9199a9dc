"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { choiceStyles, type OrderItem, PartMark } from "../choice-parts";
import styles from "./TrainingLoop.module.css";

function moved(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

type Focus = { id: string; on: "card" | "up" | "down" };

/**
 * The loop on a phone: each card is one button with its words across the whole width (no handle,
 * no ↑ ↓ or "Set aside" of its own), so eight cards and Submit fit one screen
 * (test/e2e/phones-solo.spec.ts). Tap a card to pick it up, then tap the card whose place it
 * takes; the picked card also shows ↑, ↓ and "Set aside" under it (44 px targets).
 * Keys: a focused card moves with ↑/↓ (Home/End: to the top or the bottom) and keeps the focus,
 * Enter or Space picks it up or puts it down, Escape puts it down; a live region says what happened.
 */
export function CompactLoop({
  items,
  onChange,
  onSetAside,
  label,
  testId,
}: {
  items: readonly OrderItem[];
  onChange(order: string[]): void;
  onSetAside(id: string): void;
  label: string;
  testId: string;
}) {
  const order = items.map((i) => i.id);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const cards = useRef(new Map<string, HTMLButtonElement>());
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<Focus | null>(null);

  // After a change React may have re-inserted the nodes: put the focus where the player was.
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    pendingFocus.current = null;
    // The ↑ or ↓ that moved the card (the other one once the card reaches the top or the bottom), else the card itself.
    const buttons = { up: [upRef.current, downRef.current], down: [downRef.current, upRef.current], card: [] }[want.on];
    const target = buttons.find((b) => b && !b.disabled) ?? cards.current.get(want.id);
    target?.focus();
  });

  function move(id: string, to: number, focus: Focus["on"]) {
    const from = order.indexOf(id);
    if (from < 0 || to < 0 || to >= order.length || to === from) return;
    setAnnouncement(`${items[from].text}: moved to position ${to + 1} of ${order.length}.`);
    pendingFocus.current = { id, on: focus };
    onChange(moved(order, from, to));
  }

  function tap(item: OrderItem, index: number) {
    if (pickedId === null || !order.includes(pickedId)) {
      setPickedId(item.id);
      setAnnouncement(`Picked up “${item.text}”, position ${index + 1}: tap the card whose place it takes.`);
    } else if (pickedId === item.id) {
      setPickedId(null);
      setAnnouncement(`Put down “${item.text}”.`);
    } else {
      setPickedId(null);
      move(pickedId, index, "card");
    }
  }

  function onKeyDown(e: React.KeyboardEvent, item: OrderItem, index: number) {
    const to = ({ ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: items.length - 1 } as Record<string, number | undefined>)[e.key];
    if (to !== undefined) move(item.id, to, "card");
    else if (e.key === "Escape" && pickedId) setPickedId(null);
    else return;
    e.preventDefault();
  }

  function setAside(item: OrderItem, index: number) {
    setPickedId(null);
    setAnnouncement(`Set aside “${item.text}”.`);
    // The focus goes to the card that takes its place (or the one above, for the last card).
    const next = order[index + 1] ?? order[index - 1];
    if (next) pendingFocus.current = { id: next, on: "card" };
    onSetAside(item.id);
  }

  return (
    <div>
      <p className={styles.how}>Tap a card, then tap its new place.</p>
      <ol className={styles.list} aria-label={label} data-testid={testId}>
        {items.map((item, index) => {
          const picked = item.id === pickedId;
          return (
            <li key={item.id} className={styles.item} data-testid={`order-item-${item.id}`}>
              <button
                type="button"
                className={styles.card}
                aria-pressed={picked}
                aria-keyshortcuts="ArrowUp ArrowDown Home End"
                ref={(el) => {
                  if (el) cards.current.set(item.id, el);
                  else cards.current.delete(item.id);
                }}
                onClick={() => tap(item, index)}
                onKeyDown={(e) => onKeyDown(e, item, index)}
              >
                <span className={styles.position}>{index + 1}</span>
                {item.label}
                {item.mark && (
                  <>
                    {" "}
                    <PartMark mark={item.mark} text={item.markText} />
                  </>
                )}
                {item.detail && <span className={choiceStyles.itemWhy}>{item.detail}</span>}
              </button>
              {picked && (
                <div className={styles.actions}>
                  <button
                    ref={upRef}
                    type="button"
                    className={choiceStyles.move}
                    aria-label={`Move “${item.text}” up`}
                    disabled={index === 0}
                    onClick={() => move(item.id, index - 1, "up")}
                  >
                    ↑
                  </button>
                  <button
                    ref={downRef}
                    type="button"
                    className={choiceStyles.move}
                    aria-label={`Move “${item.text}” down`}
                    disabled={index === items.length - 1}
                    onClick={() => move(item.id, index + 1, "down")}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className={choiceStyles.itemAction}
                    aria-label={`Set aside “${item.text}”: not a step of the loop`}
                    onClick={() => setAside(item, index)}
                  >
                    Set aside
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
