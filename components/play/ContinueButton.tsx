import Link from "next/link";

export interface ContinueTarget {
  levelId: string;
  number: string;
  title: string;
  /** True for a player who has not played yet: "Start" rather than "Continue". */
  fresh: boolean;
}

/** "Continue where you left off": one button to the player's next level (server/homework.ts continueFor). */
export function ContinueButton({ target, big = false }: { target: ContinueTarget | null; big?: boolean }) {
  if (!target) return null;
  return (
    <Link className={`button${big ? " big" : ""}`} href={`/play/${target.levelId}`} data-testid="continue">
      {target.fresh ? "Start with" : "Continue where you left off:"} level {target.number} {target.title}
    </Link>
  );
}
