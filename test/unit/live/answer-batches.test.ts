import { describe, expect, it } from "vitest";
import { coalescedInserts } from "@/server/live/answer-batches";

interface Row {
  game: string;
  n: number;
}

describe("coalescedInserts", () => {
  it("stores the batches of several games that arrive in one turn of the event loop in one insert", async () => {
    const inserts: Row[][] = [];
    const insert = coalescedInserts<Row>(async (rows) => void inserts.push([...rows]));
    await Promise.all([
      insert([{ game: "a", n: 1 }]),
      insert([
        { game: "b", n: 1 },
        { game: "b", n: 2 },
      ]),
      insert([{ game: "c", n: 1 }]),
    ]);
    expect(inserts).toEqual([
      [
        { game: "a", n: 1 },
        { game: "b", n: 1 },
        { game: "b", n: 2 },
        { game: "c", n: 1 },
      ],
    ]);
    // A later turn starts a new insert; nothing to store stores nothing.
    await Promise.all([insert([{ game: "a", n: 2 }]), insert([])]);
    expect(inserts).toHaveLength(2);
    expect(inserts[1]).toEqual([{ game: "a", n: 2 }]);
  });

  it("when the shared insert fails, tries each game's batch alone: only the failing one is refused", async () => {
    const stored: Row[] = [];
    const insert = coalescedInserts<Row>(async (rows) => {
      if (rows.some((r) => r.game === "gone")) throw new Error("foreign key: game gone");
      stored.push(...rows);
    });
    const results = await Promise.allSettled([insert([{ game: "a", n: 1 }]), insert([{ game: "gone", n: 1 }]), insert([{ game: "b", n: 1 }])]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(stored).toEqual([
      { game: "a", n: 1 },
      { game: "b", n: 1 },
    ]);
  });

  it("refuses a lone batch with its own error", async () => {
    const insert = coalescedInserts<Row>(() => Promise.reject(new Error("database is locked")));
    await expect(insert([{ game: "a", n: 1 }])).rejects.toThrow("database is locked");
  });
});
