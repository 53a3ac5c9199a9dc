/** A text squeezed onto one line of at most `max` characters, for tallies a teacher reads at a glance. */
export function short(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
