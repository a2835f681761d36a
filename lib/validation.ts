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

/** PostgreSQL cannot store NUL in text; refusing it here gives a 4xx instead of a database error. */
export const NUL_MESSAGE = "Text may not contain NUL characters.";
export const withoutNul = (value: string) => !value.includes("\0");
export const TextSchema = z.string().refine(withoutNul, NUL_MESSAGE);
