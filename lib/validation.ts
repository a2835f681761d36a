// Small validation pieces shared by every input schema.
import { z } from "zod";

/** The largest id a PostgreSQL `integer` column holds; a bigger number cannot name a row. */
export const MAX_DB_ID = 2_147_483_647;

export const DbIdSchema = z.number().int().positive().max(MAX_DB_ID, "No row has an id this large.");
export const DbIdQuerySchema = z.coerce
  .number()
  .int()
  .positive()
  .max(MAX_DB_ID, "No row has an id this large.");

/**
 * What text a client may store (docs/decisions.md, "Hostile input"): no NUL (PostgreSQL text
 * cannot hold it: refused here it is a 422, not a database error), no other control character
 * but tab, line feed and carriage return (invisible, never typed, and a way to smuggle terminal
 * escapes into the logs and CRMs that receive messages), and no unpaired surrogate (UTF-8 cannot
 * encode one: it would be stored as U+FFFD, not as sent). Bidirectional marks and overrides are
 * stored as sent (right-to-left languages need them); pages isolate user text (`dir="auto"`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
export const STORABLE_TEXT_MESSAGE =
  "Text may not contain NUL or other control characters (tab and line breaks aside), nor unpaired surrogates.";
export const isStorableText = (value: string) => !UNSTORABLE.test(value);
export const TextSchema = z.string().refine(isStorableText, STORABLE_TEXT_MESSAGE);
