import { z } from "zod";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const MAX_NOTE_LENGTH = 5000;

export const NoteBodySchema = z
  .object({
    content: z
      .string({ error: "Content must be text." })
      .trim()
      .min(1, "A note may not be blank.")
      .max(MAX_NOTE_LENGTH, `A note may be at most ${MAX_NOTE_LENGTH} characters.`)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE),
  })
  .strict();
export type NoteBody = z.infer<typeof NoteBodySchema>;
