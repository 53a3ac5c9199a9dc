import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Two projects:
 *  - unit: the pure core/ (no server, no database), fast.
 *  - api:  tests that start the real server (test/api, and the security suite test/security);
 *          slow hooks, and files run one at a time so they do not fight over ports and databases.
 * Run one with `npx vitest run --project unit` (or `npm run test:unit`).
 */
export default defineConfig({
  resolve: {
    // Same as tsconfig's "paths": { "@/*": ["./*"] }.
    alias: { "@": root.replace(/\/$/, "") },
  },
  test: {
    // Vitest's default is one worker per core but one: a single worker on this 2-core machine, so
    // the unit files would wait for the API files, which mostly wait on their servers.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // Some unit tests train small networks (CPU work): a 2-core machine shared with other
          // builds runs them several times slower than a quiet one.
          testTimeout: 30_000,
          // One module graph per worker, not per file, so the 69 files do not each re-import core/ and
          // TensorFlow.js (alone, the project spends 74 s in imports). They share no mutable state.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          // test/multi runs only where PostgreSQL and Redis are given (npm test's PostgreSQL pass).
          include: ["test/api/**/*.test.ts", "test/security/**/*.test.ts", "test/multi/**/*.test.ts"],
          environment: "node",
          // A loaded 2-core machine starts the server in 10–20 s (server-harness.ts allows 90 s),
          // and a hook may also sign teachers up or play a chapter through the API.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // One migrated template database per run, copied for each test server (test/api/global-setup.ts).
          globalSetup: ["test/api/global-setup.ts"],
        },
      },
    ],
  },
});
