"use client";

import { useInBrowser } from "../use-in-browser";

type Formats = Record<"time" | "day" | "year" | "full", Intl.DateTimeFormat>;
let formats: Formats | null = null;
function getFormats(): Formats {
  formats ??= {
    time: new Intl.DateTimeFormat(undefined, { timeStyle: "short" }),
    day: new Intl.DateTimeFormat(undefined, {
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
    }),
    year: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
    full: new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }),
  };
  return formats;
}

/** Today: the time only; this year: day and time; earlier: the full date. */
function shortLabel(date: Date): string {
  const { time, day, year } = getFormats();
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (date.getFullYear() === now.getFullYear()) return day.format(date);
  return year.format(date);
}

/**
 * A time in the viewer's own locale and time zone. The server knows neither, so it renders an
 * empty <time> and the browser fills it in after hydration: no mismatch warning, and the row
 * keeps its height (only the width of the label changes).
 */
export function LocalTime({ dateTime }: { dateTime: string }) {
  const inBrowser = useInBrowser();
  const date = new Date(dateTime);
  return (
    <time dateTime={dateTime} title={inBrowser ? getFormats().full.format(date) : undefined}>
      {inBrowser ? shortLabel(date) : ""}
    </time>
  );
}
