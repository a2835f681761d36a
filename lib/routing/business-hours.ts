// Whether a company is open at a moment, by its weekly hours in its own time zone. Pure: the away
// message and any other "outside hours" rule ask this with the moment they care about.
import type { BusinessHours, Weekday } from "./schemas";

const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

/** The weekday and HH:MM on the company's wall clock at `at` (Intl knows every zone's rules). */
export function wallClock(timeZone: string, at: Date): { weekday: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  const weekday = WEEKDAY_OF[part("weekday")];
  if (!weekday) throw new Error(`no weekday for ${timeZone}`);
  return { weekday, time: `${part("hour")}:${part("minute")}` };
}

/**
 * Open when the wall-clock time falls in one of that day's spans (start included, end not). No
 * hours at all (null) means always open; a day left out is closed all day.
 */
export function isOpenAt(hours: BusinessHours | null, timeZone: string, at: Date): boolean {
  if (hours === null) return true;
  const { weekday, time } = wallClock(timeZone, at);
  return (hours[weekday] ?? []).some((span) => span.start <= time && time < span.end);
}
