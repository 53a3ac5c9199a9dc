/** A small fetch wrapper for the class pages: JSON in, JSON out, the server's message on failure. */
export async function postJson<T>(url: string, body?: unknown, method = "POST"): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, message: readable(json?.error?.message ?? `The server answered ${res.status}.`) };
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
}

/** "code: no class has this code" → "Code: no class has this code." */
function readable(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
