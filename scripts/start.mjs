// `npm start`: build the app if needed, then run the one-port server (it applies migrations
// before listening). `--no-build` skips the build check (the tests use the build they just made).
import { register } from "tsx/esm/api";
import { buildIfStale } from "./build-if-stale.mjs";

// Next.js types NODE_ENV as read-only (bundles inline it); this process is where it is set, before Next loads.
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1"; // no calls home from a classroom server
if (!process.argv.includes("--no-build")) buildIfStale();
register();
await import("../server/main.ts");
