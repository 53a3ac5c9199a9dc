import styles from "./training.module.css";

/** The epoch counter and bar shown while a network trains (the benchmark looks for its test id). */
export function Progress({ epoch, budget }: { epoch: number; budget: number }) {
  return (
    <span className={styles.progress} data-testid="training-progress">
      <progress max={budget} value={epoch} aria-label="Training progress" />
      <span>
        Epoch {epoch} of {budget}
      </span>
    </span>
  );
}
