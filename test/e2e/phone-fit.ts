import type { Page } from "@playwright/test";

// Phones fit one screen (issue 12): the measurement shared by the live rounds (phones.spec.ts)
// and the solo levels (phones-solo.spec.ts).

export interface FitTarget {
  /** What the player moves. A selector matches every element; one starting "first:" only its first match. */
  controls: string[];
  /** What those controls drive (same selector forms). */
  feedback: string[];
  /** The Submit button(s). */
  submit: string;
  /**
   * Measured with this element scrolled to the top of the screen instead of the page's top: a quiz
   * is several screens by nature, and one question with its options and Submit must fit at once.
   */
  scrolledTo?: string;
}

export interface Fit {
  offScreen: string[];
  covered: string[];
}

/**
 * At the top of the page (or with `scrolledTo` at the top of the screen): every control, every
 * feedback element and Submit inside the viewport, and none of them partly under a bar pinned
 * there (position sticky or fixed: the Submit bar at the bottom, a round's header at the top).
 * Then at the top and at the bottom of the page: every control whose centre is on screen is what
 * the browser hits there (not a sticky bar laid over it).
 */
export function measure(page: Page, target: FitTarget): Promise<Fit> {
  return page.evaluate(({ controls, feedback, submit, scrolledTo }) => {
    const nameOf = (el: Element) => {
      const id = el.getAttribute("data-testid");
      const label = el.getAttribute("aria-label")?.slice(0, 30);
      return [el.tagName.toLowerCase(), id && `[${id}]`, label && ` "${label}"`].filter(Boolean).join("");
    };
    const matches = (s: string): Element[] => {
      if (!s.startsWith("first:")) return [...document.querySelectorAll(s)];
      const first = document.querySelector(s.slice("first:".length));
      return first ? [first] : [];
    };
    const all = (selectors: string[]) => selectors.flatMap(matches);
    const submits = matches(submit);
    const offScreen: string[] = [];
    window.scrollTo(0, 0);
    if (scrolledTo) document.querySelector(scrolledTo)?.scrollIntoView({ block: "start" });
    // Where the player reads from: the top of the page, or the element scrolled to (a card of a long list
    // may lie under the Submit bar at the top of the page, as any list longer than a screen does).
    const readingAt = scrollY;
    for (const el of [...all(controls), ...all(feedback), ...submits]) {
      const r = el.getBoundingClientRect();
      // checkVisibility: not inside a closed <details> (its content keeps a box there, but nothing is drawn).
      const inside = r.height > 0 && el.checkVisibility() && r.top >= -0.5 && r.bottom <= innerHeight + 0.5 && r.left >= -0.5 && r.right <= innerWidth + 0.5;
      if (!inside) offScreen.push(`${nameOf(el)} at ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`);
    }
    // A pinned bar may lie over the edge of a control whose centre is clear (the last card of a list under the Submit bar).
    const pinned = [...document.querySelectorAll("body *")].filter((el) => ["sticky", "fixed"].includes(getComputedStyle(el).position));
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const underBars = [...all(controls), ...all(feedback), ...submits].flatMap((el) => {
      if (!el.checkVisibility()) return []; // off screen already
      const bar = pinned.find(
        (p) => !p.contains(el) && !el.contains(p) && p.getBoundingClientRect().height > 0 && overlap(el.getBoundingClientRect(), p.getBoundingClientRect()),
      );
      return bar ? [`${nameOf(el)} partly under ${nameOf(bar)} (first screen)`] : [];
    });
    const hitsItself = (el: Element, hit: Element | null) =>
      !hit || el.contains(hit) || hit.contains(el) || (hit.closest("label") !== null && hit.closest("label") === el.closest("label"));
    /** The controls (and Submit) whose centre is on screen but under something else, with the page scrolled to `y`. */
    const coveredAt = (y: number) => {
      window.scrollTo(0, y);
      return [...all(controls), ...submits].flatMap((el) => {
        const r = el.getBoundingClientRect();
        const cy = r.top + r.height / 2;
        if (cy < 0 || cy > innerHeight) return [];
        const hit = document.elementFromPoint(r.left + r.width / 2, cy);
        return hitsItself(el, hit) ? [] : [`${nameOf(el)} under ${hit ? nameOf(hit) : "?"} (scrolled to ${Math.round(scrollY)})`];
      });
    };
    const covered = [...underBars, ...[readingAt, document.documentElement.scrollHeight].flatMap(coveredAt)];
    window.scrollTo(0, 0);
    return { offScreen, covered };
  }, target);
}
