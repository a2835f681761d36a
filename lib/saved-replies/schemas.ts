// What a company may store as a saved reply: a shortcut typed after `/` in the composer, and the
// text it stands for.
import { z } from "zod";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const MAX_SAVED_REPLY_LENGTH = 5000;

const ShortcutSchema = z
  .string({ error: "Shortcut must be text." })
  .regex(/^[a-z0-9-]{1,32}$/, "A shortcut is 1 to 32 lowercase letters, digits or hyphens.");

const ContentSchema = z
  .string({ error: "Content must be text." })
  .trim()
  .min(1, "A saved reply may not be blank.")
  .max(MAX_SAVED_REPLY_LENGTH, `A saved reply may be at most ${MAX_SAVED_REPLY_LENGTH} characters.`)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);

export const SavedReplyBodySchema = z.object({ shortcut: ShortcutSchema, content: ContentSchema }).strict();
export type SavedReplyBody = z.infer<typeof SavedReplyBodySchema>;

export const SavedReplyPatchSchema = z
  .object({ shortcut: ShortcutSchema.optional(), content: ContentSchema.optional() })
  .strict()
  .refine((patch) => patch.shortcut !== undefined || patch.content !== undefined, {
    message: "Send a shortcut, a content or both.",
  });
export type SavedReplyPatch = z.infer<typeof SavedReplyPatchSchema>;
