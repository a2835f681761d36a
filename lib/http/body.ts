// Reading request bodies: content type, size cap, JSON syntax and schema, each with its own
// clear 4xx. Nothing is written before the body has passed all four.
import type { z } from "zod";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** The body as text; 413 past `limit` bytes, declared or streamed. */
export async function readCapped(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body is larger than ${limit / 1024} KiB.`);

export type BodyOptions = { limit?: number /** An absent body counts as `{}`. */; optional?: boolean };

/** The JSON body parsed by the schema. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: BodyOptions = {},
): Promise<z.infer<T>> {
  const text = await readCapped(request, options.limit ?? MAX_BODY_BYTES);
  if (text.trim() === "" && options.optional) return schema.parse({});
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(
      "unsupported_media_type",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return schema.parse(value);
}
