import { type GlossaryTerm, glossary } from "./terms";

/** A piece of text, linked to a glossary entry when `termId` is set. */
export interface Segment {
  text: string;
  termId?: string;
}

interface Hit {
  start: number;
  end: number;
  termId: string;
}

// A spelling with a capital or a symbol (ReLU, SGD, σ, He) is matched as written; a plain
// lowercase one in any case, so "Loss" at the start of a sentence still links.
function caseSensitive(spelling: string): boolean {
  return spelling !== spelling.toLowerCase() || /[^a-z\s-]/.test(spelling);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// Whole words only: "bias" must not link inside "biased", nor "unit" inside "units" (those are listed separately).
const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";

const matchers: { termId: string; regex: RegExp }[] = glossary.flatMap((term: GlossaryTerm) => [
  ...term.match.map((spelling) => ({
    termId: term.id,
    regex: new RegExp(`${BEFORE}${escapeRegExp(spelling)}${AFTER}`, caseSensitive(spelling) ? "gu" : "giu"),
  })),
  ...(term.pattern ? [{ termId: term.id, regex: new RegExp(term.pattern, "gu") }] : []),
]);

function hitsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const { termId, regex } of matchers) {
    for (const m of text.matchAll(regex)) {
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, termId });
    }
  }
  // Earliest first; at the same place, the longest spelling ("binary cross-entropy" before "binary").
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Splits a text into plain pieces and glossary links. Each term is linked once, where it first
 * appears (`linked` carries that across the paragraphs of one card), so a card is not a sea of links.
 */
export function linkTerms(text: string, linked: Set<string> = new Set()): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const hit of hitsIn(text)) {
    if (hit.start < at) continue;
    // A term linked earlier stays plain, but its words are used up: "graphics processing unit"
    // must not lend its "unit" to another entry.
    if (linked.has(hit.termId)) {
      segments.push({ text: text.slice(at, hit.end) });
      at = hit.end;
      continue;
    }
    if (hit.start > at) segments.push({ text: text.slice(at, hit.start) });
    segments.push({ text: text.slice(hit.start, hit.end), termId: hit.termId });
    linked.add(hit.termId);
    at = hit.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** The glossary entries a text mentions, in the glossary's order. */
export function termsIn(text: string): string[] {
  const found = new Set(hitsIn(text).map((h) => h.termId));
  return glossary.filter((t) => found.has(t.id)).map((t) => t.id);
}

/** Joins a comparison to its sides with no-break spaces, so "x′ > 0" never wraps between x′ and "> 0" on a phone. */
export function keepComparisonsTogether(text: string): string {
  return text.replace(/ ([=<>≤≥≈]) /g, "\u00a0$1\u00a0");
}
