/**
 * The sandbox's pure logic (no React, no I/O): settings and their URL form, features, data, the
 * network and a training run. `sandboxLink(settings)` builds a link to a setup, for any page that
 * wants to offer "open in the sandbox".
 */
export { sandboxLink, sandboxQueryString, parseSandboxQuery } from "./url";
export { DEFAULT_SETTINGS, type SandboxSettings } from "./settings";
