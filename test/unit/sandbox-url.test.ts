import { describe, expect, it } from "vitest";
import { sandboxLink } from "@/core/sandbox";
import { DEFAULT_SETTINGS, needsRestart, type SandboxSettings } from "@/core/sandbox/settings";
import { parseSandboxQuery, sandboxQueryString, URL_KEYS } from "@/core/sandbox/url";

// The sandbox's whole setup lives in its URL: a teacher shares a setup as a link. Defaults are
// left out, and a hand-edited or cut-off link falls back to the default field by field.

const everything: SandboxSettings = {
  dataset: "spiral",
  noise: 15,
  trainPercent: 70,
  points: 1000,
  dataSeed: "abc123",
  weightSeed: "z9",
  features: ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"],
  hidden: [8, 8, 3],
  activation: "relu",
  learningRate: 0.003,
  batchSize: "all",
  regularization: "l1",
  regularizationRate: 0.01,
  showTest: false,
  discretize: true,
};

describe("sandbox URL state", () => {
  it("the defaults are an empty query and a bare link", () => {
    expect(sandboxQueryString(DEFAULT_SETTINGS)).toBe("");
    expect(sandboxLink()).toBe("/sandbox");
    expect(parseSandboxQuery("")).toEqual(DEFAULT_SETTINGS);
  });

  it("round-trips every setting, with short keys", () => {
    const query = sandboxQueryString(everything);
    expect(parseSandboxQuery(query)).toEqual(everything);
    expect(parseSandboxQuery(`?${query}`)).toEqual(everything);
    expect(parseSandboxQuery(new URLSearchParams(query))).toEqual(everything);
    expect(query).toBe("d=spiral&n=15&tr=70&c=1000&s=abc123&f=x1-x2-x1sq-x2sq-x1x2-sinx1-sinx2&h=8-8-3&a=relu&w=z9&lr=0.003&b=all&rg=l1&rr=0.01&t=0&q=1");
    for (const key of new URLSearchParams(query).keys()) expect(key.length).toBeLessThanOrEqual(2);
  });

  it("leaves out the settings that have their default", () => {
    expect(sandboxLink({ dataset: "xor", hidden: [4, 4] })).toBe("/sandbox?d=xor&h=4-4");
    expect(sandboxLink({ dataset: "xor", hidden: [4, 2], activation: "tanh" })).toBe("/sandbox?d=xor");
    expect(sandboxLink({ hidden: [] })).toBe("/sandbox?h=0");
    expect(parseSandboxQuery("h=0").hidden).toEqual([]);
  });

  it("every field round-trips on its own (each key is read and written)", () => {
    for (const [name, value] of Object.entries(everything) as [keyof SandboxSettings, SandboxSettings[keyof SandboxSettings]][]) {
      const one = { ...DEFAULT_SETTINGS, [name]: value };
      const query = sandboxQueryString(one);
      expect(query.startsWith(`${URL_KEYS[name]}=`), name).toBe(true);
      expect(parseSandboxQuery(query), name).toEqual(one);
    }
  });

  it("a bad or cut-off field falls back to its default; the other fields are kept", () => {
    const good = sandboxQueryString(everything);
    const broken: [string, string][] = [
      ["d", "spir"], // cut off
      ["n", "51"], // out of range
      ["tr", "5"],
      ["c", "501"], // not one of the counts offered
      ["s", "a b"], // not a seed
      ["f", "x1-x3"], // an unknown feature spoils the list
      ["f", ""],
      ["h", "4-9"], // 9 units is too many
      ["h", "1-1-1-1-1-1-1"], // 7 layers is too many
      ["h", "4-"],
      ["a", "softmax"],
      ["w", ""],
      ["lr", "0.02"], // not one of the rates offered
      ["lr", ""],
      ["b", "7"],
      ["rg", "l3"],
      ["rr", ""], // empty is missing, not 0
      ["t", "yes"],
      ["q", "2"],
    ];
    for (const [key, value] of broken) {
      const params = new URLSearchParams(good);
      params.set(key, value);
      const parsed = parseSandboxQuery(params);
      const name = (Object.keys(URL_KEYS) as (keyof SandboxSettings)[]).find((n) => URL_KEYS[n] === key)!;
      expect(parsed[name], `${key}=${value}`).toEqual(DEFAULT_SETTINGS[name]);
      expect({ ...parsed, [name]: everything[name] }, `${key}=${value}`).toEqual(everything);
    }
  });

  it("a link cut off mid-way keeps what came before the cut", () => {
    const full = sandboxQueryString(everything);
    const cut = full.slice(0, full.indexOf("&a=") + 4); // "...&a=r"
    const parsed = parseSandboxQuery(cut);
    expect(parsed.dataset).toBe("spiral");
    expect(parsed.hidden).toEqual([8, 8, 3]);
    expect(parsed.activation).toBe(DEFAULT_SETTINGS.activation);
    expect(parsed.learningRate).toBe(DEFAULT_SETTINGS.learningRate);
  });

  it("reads numbers as numbers and keeps features in their canonical order, once each", () => {
    const parsed = parseSandboxQuery("lr=0.030&rr=1e-3&f=sinx1-x1-x1&n=07");
    expect(parsed.learningRate).toBe(0.03);
    expect(parsed.regularizationRate).toBe(0.001);
    expect(parsed.features).toEqual(["x1", "sinx1"]);
    expect(parsed.noise).toBe(7);
  });

  it("takes Next.js's searchParams (arrays for repeated keys: the first counts) and ignores unknown keys", () => {
    expect(parseSandboxQuery({ d: ["xor", "circle"], zz: "1", h: undefined })).toEqual({ ...DEFAULT_SETTINGS, dataset: "xor" });
  });

  it("knows which changes start training again", () => {
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, learningRate: 0.1, batchSize: 1, regularization: "l2", showTest: false })).toBe(false);
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, hidden: [4, 3] })).toBe(true);
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, features: ["x1"] })).toBe(true);
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, noise: 5 })).toBe(true);
  });
});
