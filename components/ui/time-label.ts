// How much of a date a label shows, apart from the formatting itself: the choice is the part
// worth testing, and the viewer's locale does the rest.

const STYLES = {
  time: { timeStyle: "short" },
  weekday: { weekday: "short" },
  dayMonth: { month: "short", day: "numeric" },
  dayMonthTime: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  full: { dateStyle: "full", timeStyle: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type TimeStyle = keyof typeof STYLES;

/**
 * - `compact`: list columns. Today the time, this week the weekday, this year day and month,
 *   older the date.
 * - `precise`: always to the minute, with as much of the date as needed (chat messages).
 * - `date`, `dateTime`: always the same, also for the future (an expiry).
 */
export type TimeVariant = "compact" | "precise" | "date" | "dateTime";

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());

/** The style of `date`'s label when it is `now`, both in the viewer's time zone. */
export function labelStyle(variant: TimeVariant, date: Date, now: Date): TimeStyle {
  if (variant === "date" || variant === "dateTime") return variant;
  const today = date.toDateString() === now.toDateString();
  const thisYear = date.getFullYear() === now.getFullYear();
  if (variant === "precise") return today ? "time" : thisYear ? "dayMonthTime" : "dateTime";
  const sixDaysAgo = startOfDay(now);
  sixDaysAgo.setDate(sixDaysAgo.getDate() - 6);
  return today ? "time" : date >= sixDaysAgo ? "weekday" : thisYear ? "dayMonth" : "date";
}

// A thread formats hundreds of times: one formatter per style, made on first use.
const formatters = new Map<TimeStyle, Intl.DateTimeFormat>();

/** `date` in the viewer's locale and time zone (the runtime's defaults). */
export function formatTime(date: Date, style: TimeStyle): string {
  let formatter = formatters.get(style);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, STYLES[style]);
    formatters.set(style, formatter);
  }
  return formatter.format(date);
}
