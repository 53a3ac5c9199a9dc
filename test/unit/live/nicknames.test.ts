import { describe, expect, it } from "vitest";
import { friendlyNickname, isOffensive } from "@/core/live/nicknames";
import { nickname } from "@/core/live/protocol";

describe("isOffensive catches blocklisted words in disguise", () => {
  it.each([
    // plain and mixed case
    "fuck",
    "FUCK",
    "FuCk",
    "shit",
    "bitch",
    // spaced out or with punctuation the nickname schema allows
    "F u c k",
    "f.u.c.k",
    "f_u-c'k",
    "s h i t",
    // accents
    "Bítch",
    "Fück",
    "Shït",
    "Bi\u0301tch", // decomposed accent
    // leetspeak
    "sh1t",
    "5h1t",
    "$hit",
    "b!tch",
    "B1TCH",
    "c0ck",
    "4sshole",
    "n4z1",
    "fuck3r",
    // full-width letters (NFKD folds them)
    "ｆｕｃｋ",
    // inside a longer nickname
    "MrShitHead",
    "Big Bitch Energy",
    "xXfuckXx",
  ])("flags %j", (name) => {
    expect(isOffensive(name)).toBe(true);
  });
});

describe("isOffensive lets ordinary names through", () => {
  it.each([
    "Ana",
    "Tensor Tom",
    "Grace Hopper",
    "Ada Lovelace",
    "Alan Turing",
    "Geoffrey Hinton",
    "Yann LeCun",
    "Fei-Fei Li",
    "Curious Neuron",
    "Therapist",
    "Shiitake",
    "Cassandra",
    "Sh1ft",
    "José",
    "Zoë",
    "李小龙",
    "O'Brien",
    "R2-D2",
  ])("does not flag %j", (name) => {
    expect(isOffensive(name)).toBe(false);
  });
});

/**
 * Real names that contain a blocked word, or spell one across a word boundary, must pass:
 * ambiguous words are matched as whole words only, and never across spaces.
 */
describe("isOffensive lets names that merely contain a blocked word through", () => {
  it.each([
    ["Dickens", "dick"],
    ["Dickson", "dick"],
    ["Hitchcock", "cock"],
    ["Hancock", "cock"],
    ["Peacock", "cock"],
    ["Babcock", "cock"],
    ["Cockburn", "cock"],
    ["Penistone", "penis"],
    ["Grape", "rape"],
    ["Nazia", "nazi"],
    ["Fagan", "fag"],
    ["Shittu", "shit"],
    ["Sara Pérez", "sa·RA PE·rez → rape"],
    ["Clara Perez", "rape"],
    ["Rafa Gomez", "ra·FA G·omez → fag"],
    ["Mustafa Gul", "fag"],
    ["Thomas Lutz", "thoma·S LUT·z → slut"],
    ["Matt Watson", "mat·T WAT·son → twat"],
  ])("does not flag %j (%s)", (name) => {
    expect(isOffensive(name)).toBe(false);
  });

  // KNOWN FALSE POSITIVE, accepted: "cunt" is blocked anywhere, so this town is too; the player
  // is asked to choose another nickname.
  it("still flags Scunthorpe (cunt is blocked anywhere)", () => {
    expect(isOffensive("Scunthorpe")).toBe(true);
  });
});

/** KNOWN MISSES: letters outside a–z are dropped, not mapped, so look-alike letters slip through. */
describe("isOffensive: evasions it currently misses", () => {
  it.each([
    ["fu\u0441k", "Cyrillic с instead of Latin c"],
    ["b\u0430stard", "Cyrillic а instead of Latin a"],
    ["phuck", "phonetic spelling"],
  ])("does not flag %j (%s)", (name) => {
    expect(isOffensive(name)).toBe(false);
  });
});

describe("friendlyNickname", () => {
  /** A random function replaying the given values. */
  const replay = (...values: number[]) => {
    let i = 0;
    return () => {
      if (i >= values.length) throw new Error("random called too often");
      return values[i++];
    };
  };

  it("is deterministic with an injected random function and uses exactly two draws", () => {
    expect(friendlyNickname(replay(0, 0))).toBe("Agile Neuron");
    expect(friendlyNickname(replay(0.5, 0.25))).toBe("Happy Kernel");
    expect(friendlyNickname(replay(0.999999, 0.999999))).toBe("Witty Gecko");
    expect(friendlyNickname(replay(0.3, 0.7))).toBe(friendlyNickname(replay(0.3, 0.7)));
    // Bucket edges: index = floor(random × 16).
    expect(friendlyNickname(replay(0.0624, 0.9374))).toBe("Agile Puffin");
    expect(friendlyNickname(replay(0.0626, 0.9376))).toBe("Bright Gecko");
  });

  it("every one of the 16 × 16 names is distinct, passes the nickname schema unchanged and is not offensive", () => {
    const names = new Set<string>();
    for (let a = 0; a < 16; a++) {
      for (let n = 0; n < 16; n++) {
        const name = friendlyNickname(replay((a + 0.5) / 16, (n + 0.5) / 16));
        const parsed = nickname.safeParse(name);
        expect(parsed.success, name).toBe(true);
        expect(parsed.data).toBe(name);
        expect(isOffensive(name), name).toBe(false);
        expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
        names.add(name);
      }
    }
    expect(names.size).toBe(256);
  });

  it("works with the default Math.random", () => {
    const name = friendlyNickname();
    expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(nickname.safeParse(name).success).toBe(true);
  });
});
