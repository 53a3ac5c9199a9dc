import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Sign-in attempts, limited per (email, address) and per address, so one account cannot be
 * guessed at and one address cannot sweep many accounts. A successful sign-in clears the
 * per-account count. (In memory: one server process; a restart forgets the counts.)
 */
const perAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60 });
const perAddress = new RateLimiterMemory({ keyPrefix: "signin-address", points: 30, duration: 15 * 60 });

const accountKey = (email: string, address: string) => `${email.trim().toLowerCase()}|${address}`;

/** Counts one attempt; returns the seconds to wait when over a limit, else null. */
export async function takeSigninAttempt(email: string, address: string): Promise<number | null> {
  try {
    await Promise.all([perAccount.consume(accountKey(email, address)), perAddress.consume(address)]);
    return null;
  } catch (rejection) {
    const ms = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
    return Math.ceil(ms / 1000);
  }
}

export async function clearSigninAttempts(email: string, address: string): Promise<void> {
  await perAccount.delete(accountKey(email, address));
}
