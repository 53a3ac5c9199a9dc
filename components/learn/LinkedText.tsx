import Link from "next/link";
import { keepComparisonsTogether, linkTerms } from "@/core/glossary/link";
import { glossaryTerm } from "@/core/glossary/terms";

/**
 * A text whose glossary terms link to their entry on /glossary (each term once per `linked` set,
 * so a card links a term where it first appears). The link's title gives the definition on hover;
 * the entry itself is one tap or Enter away, which works on touch and keyboard alike.
 */
export function LinkedText({ text, linked }: { text: string; linked: Set<string> }) {
  return (
    <>
      {linkTerms(text, linked).map((segment, i) => {
        const term = segment.termId ? glossaryTerm(segment.termId) : undefined;
        if (!term) return keepComparisonsTogether(segment.text);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text never reorder
          <Link key={i} href={`/glossary#${term.id}`} title={term.definition} data-testid="glossary-link">
            {segment.text}
          </Link>
        );
      })}
    </>
  );
}
