// What a company may set about routing and business hours, and what a representative may say
// about being available.
import { z } from "zod";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time as HH:MM, 00:00 to 23:59.");

const OpeningSchema = z
  .object({ start: TimeOfDay, end: TimeOfDay.or(z.literal("24:00")) })
  .strict()
  .refine((span) => span.start < span.end, { message: "Hours must end after they start.", path: ["end"] });

/** Per weekday, the spans the company answers in (its own time zone); a day left out is closed. */
export const BusinessHoursSchema = z
  .partialRecord(z.enum(WEEKDAYS), z.array(OpeningSchema).max(4, "At most four spans a day."))
  .refine(
    (hours) =>
      Object.values(hours).every((spans) =>
        [...(spans ?? [])]
          .sort((a, b) => (a.start < b.start ? -1 : 1))
          .every((span, index, sorted) => index === 0 || (sorted[index - 1]?.end ?? "") <= span.start),
      ),
    "Spans of one day may not overlap.",
  );
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

export const RoutingSettingsPatchSchema = z
  .object({
    routing: z.enum(["manual", "round_robin", "least_busy"]),
    max_open_per_rep: z.number().int().min(1, "At least 1, or null for no limit.").max(10_000).nullable(),
    reassign_after_minutes: z
      .number()
      .int()
      .min(1, "At least 1 minute, or null to never reassign.")
      .max(7 * 24 * 60, "At most a week (10,080 minutes).")
      .nullable(),
    timezone: z.string().max(64).refine(isTimeZone, "An IANA time zone, such as Europe/Paris."),
    business_hours: BusinessHoursSchema.nullable(),
    away_message: z
      .string()
      .trim()
      .min(1, "Leave the away message out with null, not blank.")
      .max(1000)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE)
      .nullable(),
  })
  .partial()
  .strict();
export type RoutingSettingsPatch = z.infer<typeof RoutingSettingsPatchSchema>;

export const AvailabilitySchema = z.enum(["available", "away"]);
