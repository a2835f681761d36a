// The away message: a buyer who writes while the company is closed hears, once per quiet spell,
// when someone will answer. The send statement says whether one is due (a buyer's message, a
// company with hours and a message, none sent since a person last replied); whether the company
// is closed right now is decided here, on its wall clock; lib/messages/send-message.ts sends it.
import "server-only";
import type { Side } from "../chats/scope";
import { Prisma } from "../db/client";
import { isOpenAt } from "./business-hours";
import type { BusinessHours } from "./schemas";

export type AwayDue = { message: string; timezone: string; hours: BusinessHours };

/**
 * For the send statement's answer: the company's away settings after a buyer's message, when an
 * away message is due in this quiet spell; null otherwise (and always for the company side). A
 * company without settings costs one primary-key probe.
 */
export function awayDueSql(side: Side): Prisma.Sql {
  if (side === "company") return Prisma.sql`NULL::json`;
  return Prisma.sql`(
    SELECT json_build_object('message', settings.away_message, 'timezone', settings.timezone,
                             'hours', settings.business_hours)
    FROM company_settings settings, chat
    WHERE settings.company_id = chat.company_id
      AND settings.away_message IS NOT NULL AND settings.business_hours IS NOT NULL
      AND NOT chat.away_message_sent
  )`;
}

/** Whether the away message goes out now: it is due and the company is closed at `now`. */
export const awayMessageNow = (away: AwayDue | null, now = new Date()): string | null =>
  away && !isOpenAt(away.hours, away.timezone, now) ? away.message : null;
