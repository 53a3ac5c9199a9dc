import styles from "./Downhill.module.css";

/** The short lesson before a challenge: open at first, folded away once read. */
export function Learn({ text }: { text: string }) {
  return (
    <details className={styles.learn} open data-testid="learn">
      <summary>Learn first</summary>
      <p>{text}</p>
    </details>
  );
}
