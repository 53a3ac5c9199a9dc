"use client";

import { useEffect, useState } from "react";

// Every date the app shows goes through here, so a reader sees one format, in their own time zone
// and language: "Tue 1 Dec, 17:00" (the year only when it is not this year), or "Tue 1 Dec" for
// `dateOnly`. Exports (CSV) keep ISO 8601 instead: they are read by machines.

const DAY: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

/** The date (and time unless `dateOnly`) of `iso` in this browser's zone and language. Browser only: the server does not know the zone. */
export function localDateText(iso: string, { dateOnly = false }: { dateOnly?: boolean } = {}): string {
  const date = new Date(iso);
  const year: Intl.DateTimeFormatOptions = date.getFullYear() === new Date().getFullYear() ? {} : { year: "numeric" };
  return date.toLocaleString(undefined, { ...DAY, ...year, ...(dateOnly ? {} : TIME) });
}

/** What the server renders before the browser knows its zone: ISO-like and labelled UTC, so it is never mistaken for local time. */
export function utcDateText(iso: string, { dateOnly = false }: { dateOnly?: boolean } = {}): string {
  return dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** False during the server render and hydration, true once mounted: then local dates can be shown without a hydration mismatch. */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

/** Text for a date wherever a component is not an element (a title, a status message): local once `mounted`. */
export function dateText(iso: string, mounted: boolean, options: { dateOnly?: boolean } = {}): string {
  return mounted ? localDateText(iso, options) : utcDateText(iso, options);
}

/**
 * A date-time in the reader's own time zone ("Tue 1 Dec, 17:00"). The server renders UTC (it
 * does not know the browser's zone) and the browser switches to local time once mounted, so
 * hydration matches. `dateOnly` drops the time (a table column of days).
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const mounted = useMounted();
  return <time dateTime={iso}>{dateText(iso, mounted, { dateOnly })}</time>;
}
