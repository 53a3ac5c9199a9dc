import { describe, expect, it } from "vitest";
import { upsertOnce } from "@/server/db/unique";

const uniqueViolation = Object.assign(new Error("Unique constraint failed on the fields: (`name`)"), { code: "P2002" });

describe("upsertOnce", () => {
  it("runs an upsert that lost a race to create its row again, and returns what the second run found", async () => {
    let runs = 0;
    const row = await upsertOnce(async () => {
      runs++;
      if (runs === 1) throw uniqueViolation;
      return { name: "instances", value: "created by the other server" };
    });
    expect(row).toEqual({ name: "instances", value: "created by the other server" });
    expect(runs).toBe(2);
  });

  it("does not hide other errors, nor a second violation", async () => {
    await expect(upsertOnce(() => Promise.reject(new Error("database is locked")))).rejects.toThrow("database is locked");
    let runs = 0;
    await expect(
      upsertOnce(() => {
        runs++;
        return Promise.reject(uniqueViolation);
      }),
    ).rejects.toBe(uniqueViolation);
    expect(runs).toBe(2);
  });
});
