"use client";

import { useInBrowser } from "../use-in-browser";

/** Today: the time; this week: the weekday; this year: day and month; older: the full date. */
function shortLabel(date: Date, now: Date): string {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (date >= startOfToday) return date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  const sixDaysAgo = new Date(startOfToday);
  sixDaysAgo.setDate(sixDaysAgo.getDate() - 6);
  if (date >= sixDaysAgo) return date.toLocaleDateString(undefined, { weekday: "short" });
  if (date.getFullYear() === now.getFullYear()) {
    return date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  }
  return date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/**
 * A time in the viewer's locale and time zone. The server does not know either, so it renders
 * an empty slot of fixed width and the browser fills it in after hydration: the markup React
 * hydrates is identical on both sides, and nothing around it moves.
 */
export function LocalTime({ iso, className = "" }: { iso: string; className?: string }) {
  const inBrowser = useInBrowser();
  const date = new Date(iso);
  return (
    <time
      dateTime={iso}
      title={
        inBrowser ? date.toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" }) : undefined
      }
      className={`inline-block min-w-[5ch] shrink-0 text-right tabular-nums ${className}`}
    >
      {inBrowser ? shortLabel(date, new Date()) : ""}
    </time>
  );
}
