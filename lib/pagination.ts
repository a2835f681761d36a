// Cursor pagination helpers. Cursors are opaque to clients (base64url JSON) and always bounded.
import { z } from "zod";
import { AppError } from "./errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const LimitSchema = z.coerce
  .number()
  .int("limit must be a whole number")
  .min(1, "limit must be at least 1")
  .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`)
  .default(DEFAULT_PAGE_SIZE);

/** `?limit=&cursor=`: the query of every cursor-paginated list. */
export const CursorQuery = z.object({ limit: LimitSchema, cursor: z.string().max(500).optional() });

export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** Decodes a cursor made by encodeCursor; anything else is a 422 on `cursor`. */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("validation_failed", "The cursor is not valid.", [
      { field: "cursor", message: "The cursor is not valid; use next_cursor from a previous page." },
    ]);
  }
}

/** Fetches limit + 1 rows to know whether another page exists without a count. */
export function pageFrom<T>(rows: T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
