"use client";

import { useEffect, useState } from "react";

/**
 * A date-time in the reader's own time zone ("Tue 1 Dec, 17:00"). The server renders UTC (it
 * does not know the browser's zone) and the browser switches to local time once mounted, so
 * hydration matches.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState(false);
  useEffect(() => setLocal(true), []);
  const text = local
    ? new Date(iso).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })
    : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
