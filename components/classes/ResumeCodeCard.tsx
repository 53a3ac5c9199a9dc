import styles from "./classes.module.css";

/** A freshly issued resume code: shown once, so the student is told to write it down. */
export function ResumeCodeCard({ code }: { code: string }) {
  return (
    <div className="panel" role="status">
      <p>
        <strong>Your resume code</strong> — write it down now, it is shown only once:
      </p>
      <p className={styles.resumeCode} data-testid="resume-code">
        {code}
      </p>
      <p className="muted">
        On another device, open <strong>/resume</strong> and type it to carry on with your stars.
      </p>
    </div>
  );
}
