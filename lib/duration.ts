// Durations in configuration ("500ms", "5s", "30m", "2h", "5d"): readable in an env file and
// unambiguous about units, unlike bare numbers.
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds, or null when the text is not one number followed by a unit. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

/** A comma-separated list of durations, or null when any entry is not one. */
export function parseDurationList(text: string): number[] | null {
  const parts = text.split(",").map(parseDuration);
  return parts.length > 0 && parts.every((part) => part !== null) ? (parts as number[]) : null;
}
