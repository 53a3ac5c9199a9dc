import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DatabaseProblem } from "@/server/db/problem";
import { type DatabaseHealth, healthMonitor } from "@/server/health";

/** A probe that the test finishes (or never does), and a progress counter it moves. */
function fakeDatabase() {
  let finished = 0;
  let pending: (() => void) | null = null;
  const logged: string[] = [];
  const check = healthMonitor({
    probeWrite: () => new Promise<void>((resolve) => (pending = resolve)),
    progress: () => finished,
    log: (health: DatabaseHealth) => logged.push(health.ok ? "ok" : health.problem),
    databaseName: () => "test.db",
  });
  return {
    check,
    logged,
    finishProbe: () => pending?.(),
    othersFinish: (n = 1) => {
      finished += n;
    },
  };
}

describe("the /api/health monitor", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Starts a probe (the cached answer is stale), lets 3 s pass meanwhile, and returns the answer once it is in. */
  async function slowProbe(database: ReturnType<typeof fakeDatabase>, othersFinishMeanwhile: number) {
    vi.setSystemTime(Date.now() + 2_000);
    await database.check(); // stale: starts a probe, answers the last outcome at once
    database.othersFinish(othersFinishMeanwhile);
    await vi.advanceTimersByTimeAsync(3_000);
    return database.check();
  }

  it("a probe queued behind others' writes that keep finishing is healthy, however long the queue lasts", async () => {
    const database = fakeDatabase();
    const first = database.check();
    database.finishProbe();
    expect(await first).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) expect(await slowProbe(database, 40)).toEqual({ ok: true });
    expect(database.logged.every((said) => said === "ok")).toBe(true);
  });

  it("a database where nothing finishes is unhealthy after two probes in a row time out (one is forgiven)", async () => {
    const database = fakeDatabase();
    const first = database.check();
    database.finishProbe();
    await first;
    expect(await slowProbe(database, 0)).toEqual({ ok: true }); // the first timeout: forgiven
    expect(await slowProbe(database, 0)).toEqual({ ok: false, problem: "timeout" });
    expect(database.logged).toEqual(["ok", "timeout"]);
  });

  it("a probe's own failed first attempt is not others' progress: a database stuck after a dropped connection is still caught", async () => {
    let finished = 0;
    let firstDone = false;
    const check = healthMonitor({
      // The first attempt fails on a dropped connection and hands it back (progress); the retry hangs.
      probeWrite: (onAttempt) => {
        onAttempt();
        if (!firstDone) return Promise.resolve();
        finished++;
        onAttempt();
        return new Promise<void>(() => {});
      },
      progress: () => finished,
      log: () => {},
      databaseName: () => "test.db",
    });
    expect(await check()).toEqual({ ok: true });
    firstDone = true;
    const afterDrop = async () => {
      vi.setSystemTime(Date.now() + 2_000);
      await check();
      await vi.advanceTimersByTimeAsync(3_000);
      return check();
    };
    expect(await afterDrop()).toEqual({ ok: true }); // forgiven once, as any slow probe
    expect(await afterDrop()).toEqual({ ok: false, problem: "timeout" });
  });

  it("a problem that time does not mend is reported at once", async () => {
    const check = healthMonitor({
      probeWrite: async () => {
        throw new DatabaseProblem("read-only", "test.db", "read-only.", "chmod.");
      },
      progress: () => 0,
      log: () => {},
      databaseName: () => "test.db",
    });
    expect(await check()).toEqual({ ok: false, problem: "read-only" });
  });
});
