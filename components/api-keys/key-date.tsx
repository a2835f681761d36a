"use client";

import { useInBrowser } from "../use-in-browser";

const FORMATS = {
  day: { dateStyle: "medium" },
  moment: { dateStyle: "medium", timeStyle: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A key's date in the viewer's locale and time zone, filled in after hydration as the list
 * times are. Unlike those it also reads right for the future (an expiry): always the date.
 */
export function KeyDate({
  iso,
  never,
  precision = "day",
}: {
  iso: string | null;
  never: string;
  precision?: keyof typeof FORMATS;
}) {
  const inBrowser = useInBrowser();
  if (!iso) return <span>{never}</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={inBrowser ? date.toLocaleString(undefined, FORMATS.moment) : undefined}>
      {inBrowser ? date.toLocaleString(undefined, FORMATS[precision]) : ""}
    </time>
  );
}
