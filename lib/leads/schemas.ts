import { z } from "zod";
import { EmailSchema, NameSchema } from "../accounts/schemas";
import { ExternalIdSchema } from "../listings/schemas";
import { ContentSchema } from "../messages/schemas";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const LeadBodySchema = z
  .object({
    email: EmailSchema,
    name: NameSchema,
    phone: z
      .string()
      .trim()
      .max(40, "A phone number is at most 40 characters.")
      .regex(/^[0-9+()\-.\s/]*$/, "Digits, spaces and + ( ) - . / only.")
      .optional(),
    message: ContentSchema,
    listing_external_id: ExternalIdSchema.optional(),
    source: z
      .string()
      .trim()
      .min(1, "Say where the lead came from, e.g. a portal's name.")
      .max(60)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE),
  })
  .strict();
export type LeadBody = z.infer<typeof LeadBodySchema>;
