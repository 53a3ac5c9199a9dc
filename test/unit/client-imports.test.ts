import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No client bundle carries an answer key. Starting from every file the browser runs ("use client"
 * modules and everything under components/), this walks the import graph (value imports: `import
 * type` is erased) and fails if it reaches the level catalog (core/levels/) or a kind's server
 * module: under core/kinds/ the browser may import only `public.ts` and `public-*.ts` modules.
 */
const ROOT = path.resolve(__dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sources = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components"))].filter((f) => /\.tsx?$/.test(f));
const isClient = (file: string) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"));
const entries = sources.filter((f) => f.startsWith(path.join(ROOT, "components")) || isClient(f));

/** The modules a file imports at run time (type-only imports and re-exports are left out). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gms)) if (!match[2]) specifiers.push(match[3]);
  for (const match of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) specifiers.push(match[1]);
  for (const match of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]);
  return specifiers;
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  if (/\.(css|svg|png)$/.test(base)) return null;
  for (const ext of ["", ...EXTENSIONS]) if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve "${specifier}"`);
}

/** Why a module must not reach the browser, or null. */
function forbidden(file: string): string | null {
  const rel = path.relative(ROOT, file).split(path.sep).join("/");
  if (rel.startsWith("core/levels/")) return "the level catalog (answer keys, explanations)";
  if (rel.startsWith("core/kinds/") && !/(^|\/)public(-[a-z0-9-]+)?\.ts$/.test(rel)) return "a kind's server module";
  if (rel.startsWith("server/")) return "server code";
  return null;
}

/** Every module reachable from `entry`, with the chain of imports that reaches it. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const specifier of valueImports(file)) {
      const target = resolve(file, specifier);
      if (!target || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      queue.push(target);
    }
  }
  return seen;
}

describe("the browser's import graph", () => {
  it("finds the browser's files (guards the walk itself)", () => {
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.some((f) => f.endsWith("LevelScreen.tsx"))).toBe(true);
    expect(entries.some((f) => f.endsWith("PlayerScreen.tsx"))).toBe(true);
  });

  it("would catch a client module that imports the catalog", () => {
    expect(forbidden(path.join(ROOT, "core/levels/catalog.ts"))).not.toBeNull();
    expect(forbidden(path.join(ROOT, "core/kinds/registry.ts"))).not.toBeNull();
    expect(forbidden(path.join(ROOT, "core/kinds/output-head/recipes.ts"))).not.toBeNull();
    expect(forbidden(path.join(ROOT, "core/kinds/concept/public.ts"))).toBeNull();
    expect(forbidden(path.join(ROOT, "core/kinds/tune-weights/public-network.ts"))).toBeNull();
  });

  it.each(entries.map((f) => [path.relative(ROOT, f), f]))("%s reaches no level data and no kind's server module", (_name, entry) => {
    const problems = [...reachable(entry)]
      .filter(([file]) => forbidden(file))
      .map(([file, chain]) => `${forbidden(file)}: ${chain.map((f) => path.relative(ROOT, f)).join(" → ")}`);
    expect(problems).toEqual([]);
  });
});
