import { z } from "zod";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const MAX_CONTENT_LENGTH = 5000;

/** Message text: trimmed, not blank, at most 5,000 characters (counted after trimming). */
export const ContentSchema = z
  .string({ error: "Content must be text." })
  .trim()
  .min(1, "Message content may not be blank.")
  .max(MAX_CONTENT_LENGTH, `Message content may be at most ${MAX_CONTENT_LENGTH} characters.`)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);

/** A client-chosen id that makes retries of one send return the same message. */
export const ClientMessageIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(200, "client_message_id may be at most 200 characters.")
  .regex(/^[\x21-\x7e]+$/, "client_message_id must be printable ASCII without spaces.");
