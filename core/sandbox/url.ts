import { z } from "zod";
import {
  ACTIVATIONS,
  BATCH_SIZES,
  DATASETS,
  DEFAULT_SETTINGS,
  FEATURES,
  LEARNING_RATES,
  MAX_HIDDEN_LAYERS,
  MAX_NOISE,
  MAX_TRAIN_PERCENT,
  MAX_UNITS,
  MIN_TRAIN_PERCENT,
  orderFeatures,
  POINT_COUNTS,
  REGULARIZATION_RATES,
  REGULARIZATIONS,
  type FeatureName,
  type SandboxSettings,
} from "./settings";

/**
 * The sandbox's whole setup as a query string: short keys, defaults left out, so a teacher's
 * link stays short and readable ("/sandbox?d=xor&h=4-4"). Each field is parsed on its own, and a
 * field that is missing, misspelt or cut off falls back to its default without touching the others.
 */

const D = DEFAULT_SETTINGS;

/** A number written in the query string; an empty value ("rr=", a cut-off link) is not 0 but missing. */
const numberText = z.string().trim().min(1).pipe(z.coerce.number());

/** A number that must be one of `choices` (compared as numbers: "0.030" is 0.03). */
const oneOf = <T extends number>(choices: readonly T[]) => numberText.refine((v) => (choices as readonly number[]).includes(v)).transform((v) => v as T);

const integer = (min: number, max: number) => numberText.pipe(z.number().int().min(min).max(max));
const seed = z.string().regex(/^[a-z0-9]{1,16}$/i);
const flag = z.enum(["0", "1"]).transform((v) => v === "1");

const featureList = z
  .string()
  .transform((text) => text.split("-"))
  .pipe(z.array(z.enum(FEATURES)).min(1))
  .transform((list) => orderFeatures(list));

/** "4-2" is two hidden layers of 4 and 2 units; "0" is none. */
const hiddenLayers = z.union([
  z.literal("0").transform((): number[] => []),
  z
    .string()
    .transform((text) => text.split("-"))
    .pipe(z.array(integer(1, MAX_UNITS)).min(1).max(MAX_HIDDEN_LAYERS)),
]);

const batch = z.union([z.literal("all"), oneOf(BATCH_SIZES.filter((b): b is Exclude<typeof b, "all"> => b !== "all"))]);

/** The query key of each setting. The order here is the order in a link. */
export const URL_KEYS = {
  dataset: "d",
  noise: "n",
  trainPercent: "tr",
  points: "c",
  dataSeed: "s",
  features: "f",
  hidden: "h",
  activation: "a",
  weightSeed: "w",
  learningRate: "lr",
  batchSize: "b",
  regularization: "rg",
  regularizationRate: "rr",
  showTest: "t",
  discretize: "q",
} as const satisfies Record<keyof SandboxSettings, string>;

/** One schema per field, each with its own fallback: a bad value costs only that field. */
const fields = {
  dataset: z.enum(DATASETS).catch(D.dataset),
  noise: integer(0, MAX_NOISE).catch(D.noise),
  trainPercent: integer(MIN_TRAIN_PERCENT, MAX_TRAIN_PERCENT).catch(D.trainPercent),
  points: oneOf(POINT_COUNTS).catch(D.points),
  dataSeed: seed.catch(D.dataSeed),
  features: featureList.catch([...D.features]),
  hidden: hiddenLayers.catch([...D.hidden]),
  activation: z.enum(ACTIVATIONS).catch(D.activation),
  weightSeed: seed.catch(D.weightSeed),
  learningRate: oneOf(LEARNING_RATES).catch(D.learningRate),
  batchSize: batch.catch(D.batchSize),
  regularization: z.enum(REGULARIZATIONS).catch(D.regularization),
  regularizationRate: oneOf(REGULARIZATION_RATES).catch(D.regularizationRate),
  showTest: flag.catch(D.showTest),
  discretize: flag.catch(D.discretize),
};

export const sandboxQuery = z.object(
  Object.fromEntries(Object.entries(fields).map(([name, schema]) => [URL_KEYS[name as keyof SandboxSettings], schema])) as {
    [K in keyof SandboxSettings as (typeof URL_KEYS)[K]]: (typeof fields)[K];
  },
);

type Query = URLSearchParams | string | Record<string, string | string[] | undefined>;

function toRecord(query: Query): Record<string, string> {
  if (typeof query === "string" || query instanceof URLSearchParams) {
    const params = typeof query === "string" ? new URLSearchParams(query.replace(/^\?/, "")) : query;
    return Object.fromEntries(params.entries());
  }
  // Next.js gives repeated keys as arrays: the first one counts, as URLSearchParams.get would.
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

/** The setup a query string describes; never throws. */
export function parseSandboxQuery(query: Query): SandboxSettings {
  const record = toRecord(query);
  const parsed = sandboxQuery.parse(record);
  const settings = {} as Record<keyof SandboxSettings, unknown>;
  for (const [name, key] of Object.entries(URL_KEYS) as [keyof SandboxSettings, string][]) {
    // A missing key reaches the field's catch as undefined, which gives the default.
    settings[name] = (parsed as Record<string, unknown>)[key];
  }
  return settings as SandboxSettings;
}

function formatValue(name: keyof SandboxSettings, value: SandboxSettings[keyof SandboxSettings]): string {
  switch (name) {
    case "features":
      return (value as FeatureName[]).join("-");
    case "hidden":
      return (value as number[]).length === 0 ? "0" : (value as number[]).join("-");
    case "showTest":
    case "discretize":
      return value ? "1" : "0";
    default:
      return String(value);
  }
}

/** The query string of a setup (without "?"), with every default left out. */
export function sandboxQueryString(settings: Partial<SandboxSettings>): string {
  const full: SandboxSettings = { ...DEFAULT_SETTINGS, ...settings };
  const params = new URLSearchParams();
  for (const [name, key] of Object.entries(URL_KEYS) as [keyof SandboxSettings, string][]) {
    const text = formatValue(name, full[name]);
    if (text !== formatValue(name, DEFAULT_SETTINGS[name])) params.set(key, text);
  }
  return params.toString();
}

/**
 * A link to the sandbox with this setup (anything left out takes its default), e.g. for a level
 * to offer "open in the sandbox": `sandboxLink({ dataset: "xor", hidden: [4, 4] })`.
 */
export function sandboxLink(settings: Partial<SandboxSettings> = {}): string {
  const query = sandboxQueryString(settings);
  return query ? `/sandbox?${query}` : "/sandbox";
}
