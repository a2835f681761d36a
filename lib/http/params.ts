import { z } from "zod";
import { notFound } from "../errors";

/** A numeric id in the path, as the route receives it (also what the OpenAPI document shows). */
export const PathIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(2_147_483_647));

/** A numeric id from the path. Anything else cannot name a row: 404, like a missing one. */
export function parseId(value: string | string[] | undefined, what = "Resource"): number {
  const parsed = PathIdSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/** Query-string parameters as a plain object, for a zod schema to parse. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

const BigIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,17}$/)
  .transform(BigInt);

/** A numeric id of a bigint column (deliveries, events); anything else is 404. */
export function parseBigId(value: string | string[] | undefined, what = "Resource"): bigint {
  const parsed = BigIdSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
