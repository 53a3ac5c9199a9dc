/**
 * The live protocol's version, in its own module so pages can send it without loading zod. A page
 * of another version is told to reload. 3: the reply to a player's answer or "I'm done" carries
 * their own part (OwnPartReply), which a page of version 2 would not read.
 */
export const LIVE_PROTOCOL_VERSION = 3;
