// `npm start`: build the app if needed, then bundle and run the one-port server (it applies migrations
// before listening). `--no-build` skips the build check (the tests use the build they just made).
import { pathToFileURL } from "node:url";
import { buildIfStale } from "./build-if-stale.mjs";
import { bundleServer } from "./server-bundle.mjs";

// Next.js types NODE_ENV as read-only (bundles inline it); this process is where it is set, before Next loads.
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1"; // no calls home from a classroom server
if (!process.argv.includes("--no-build")) buildIfStale();
await import(pathToFileURL(await bundleServer()).href);
