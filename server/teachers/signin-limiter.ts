import { defineLimit, takeAll } from "../limits";

/**
 * The limits that guard teachers' passwords, kept in the database (durable) so a restart does not
 * hand a guesser a fresh budget:
 *  - sign-in, per (email, address) and per address, so one account cannot be guessed at and one
 *    address cannot sweep many accounts; a successful sign-in clears the per-account count;
 *  - the current password asked by a password change, per teacher, so a session left open on a
 *    shared computer cannot be used to find the password.
 */
const perAccount = defineLimit("signin-account", { points: 5, seconds: 15 * 60, durable: true });
const perAddress = defineLimit("signin-address", { points: 30, seconds: 15 * 60, durable: true });
const passwordChecks = defineLimit("password-change-per-teacher", { points: 5, seconds: 15 * 60, durable: true });

const accountKey = (email: string, address: string) => `${email.trim().toLowerCase()}|${address}`;

/** Counts one attempt; returns the seconds to wait when over a limit, else null. */
export function takeSigninAttempt(email: string, address: string): Promise<number | null> {
  return takeAll([
    [perAccount, accountKey(email, address)],
    [perAddress, address],
  ]);
}

export async function clearSigninAttempts(email: string, address: string): Promise<void> {
  await perAccount.forgive(accountKey(email, address));
}

/** Counts one try of the current password in a password change; the seconds to wait when over the limit, else null. */
export function takePasswordCheck(teacherId: string): Promise<number | null> {
  return passwordChecks.take(teacherId);
}
