"use client";

import { formatTime, labelStyle, type TimeVariant } from "./time-label";
import { useInBrowser } from "./use-in-browser";

// Compact labels stand in columns: a fixed-width slot keeps the rows aligned and still.
const COMPACT_SLOT = "inline-block min-w-[5ch] shrink-0 text-right tabular-nums";

/**
 * A time in the viewer's locale and time zone, with the full date and time as its tooltip. The
 * server knows neither, so it renders an empty <time> and the browser fills it in after
 * hydration: the markup React hydrates is identical on both sides.
 */
export function LocalTime({
  dateTime,
  variant,
  className = "",
}: {
  dateTime: string;
  variant: TimeVariant;
  className?: string;
}) {
  const inBrowser = useInBrowser();
  const date = new Date(dateTime);
  const classes = [variant === "compact" ? COMPACT_SLOT : "", className].filter(Boolean).join(" ");
  return (
    <time
      dateTime={dateTime}
      title={inBrowser ? formatTime(date, "full") : undefined}
      className={classes || undefined}
    >
      {inBrowser ? formatTime(date, labelStyle(variant, date, new Date())) : ""}
    </time>
  );
}
