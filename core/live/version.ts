/** The live protocol's version, in its own module so pages can send it without loading zod. */
export const LIVE_PROTOCOL_VERSION = 2;
