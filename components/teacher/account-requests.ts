/** The account page's requests: JSON in, and the server's message made into a sentence on failure. */

const FIELD_LABELS: Record<string, string> = {
  currentPassword: "The current password",
  newPassword: "The new password",
};

/**
 * "newPassword: must be at least 10 characters; email: …" → "The new password must be at least
 * 10 characters. Email …" (the sign-up and sign-in form uses it too).
 */
export function readable(message: string): string {
  return message
    .split("; ")
    .map((part) => part.replace(/^(\w+): /, (_, field: string) => `${FIELD_LABELS[field] ?? field[0].toUpperCase() + field.slice(1)} `))
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
    .join(" ");
}

/** Sends the request; null when it succeeded, otherwise the sentence to show. */
export async function accountRequest(url: string, method: "POST" | "DELETE", body?: unknown): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.ok) return null;
    const json = await res.json().catch(() => null);
    return readable(json?.error?.message ?? `The server answered ${res.status}`);
  } catch {
    return "The server could not be reached. Check your connection and try again.";
  }
}
