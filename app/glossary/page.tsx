import Link from "next/link";
import { BrandBar } from "@/components/TopBar";
import { keepComparisonsTogether } from "@/core/glossary/link";
import { glossary } from "@/core/glossary/terms";
import styles from "./glossary.module.css";

export const metadata = { title: "Glossary" };

// Alphabetical, ignoring symbols and case ("Sigmoid σ" files under S).
const sortKey = (term: string) =>
  term
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim();
const ordered = [...glossary].sort((a, b) => sortKey(a.term).localeCompare(sortKey(b.term)));

/** Every term the levels use, defined in a sentence or three; learn cards link here (/glossary#<term>). */
export default function GlossaryPage() {
  return (
    <>
      <BrandBar />
      <main className={styles.page}>
        <h1>Glossary</h1>
        <p>
          The words the levels use, each in a few sentences. Learn cards link here the first time they use a term. Back to the{" "}
          <Link href="/play">campaign</Link>.
        </p>
        <nav aria-label="Terms" className={styles.index}>
          <ul>
            {ordered.map((t) => (
              <li key={t.id}>
                <a href={`#${t.id}`}>{t.term}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.terms}>
          {ordered.map((t) => (
            <section key={t.id} id={t.id} className={styles.entry} aria-labelledby={`${t.id}-term`} data-testid={`term-${t.id}`}>
              <h2 id={`${t.id}-term`} className={styles.term}>
                {t.term}
                {t.aka && <span className={styles.aka}> ({t.aka})</span>}
              </h2>
              <p>{keepComparisonsTogether(t.definition)}</p>
            </section>
          ))}
        </div>
      </main>
    </>
  );
}
