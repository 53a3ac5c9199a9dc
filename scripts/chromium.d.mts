// Types of chromium.mjs for the TypeScript side (playwright.config.ts); keep the two in step.
/** Chromium's command-line flags for the tests and benchmarks. */
export declare const CHROMIUM_ARGS: readonly string[];
/** The Chromium binary to use: $CHROMIUM_PATH if it exists, else the first system one found, else null. */
export declare function findChromium(): string | null;
/** Options for Playwright's `chromium.launch()` (and `use.launchOptions`). */
export declare function chromiumLaunchOptions(executablePath: string): { executablePath: string; args: string[] };
