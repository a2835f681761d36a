import { z } from "zod";
import { EmailSchema, NameSchema } from "../accounts/schemas";
import { ExternalIdSchema } from "../listings/schemas";
import { ContentSchema } from "../messages/schemas";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const LeadBodySchema = z
  .object({
    email: EmailSchema.meta({
      description: "Finds the buyer's account, or makes a contact without a password",
      examples: ["ana.silva@example.com"],
    }),
    name: NameSchema.meta({
      description: "The name the lead gave: what the company sees, even for an existing account",
      examples: ["Ana Silva"],
    }),
    phone: z
      .string()
      .trim()
      .max(40, "A phone number is at most 40 characters.")
      .regex(/^[0-9+()\-.\s/]*$/, "Digits, spaces and + ( ) - . / only.")
      .optional()
      .meta({ examples: ["+351 912 345 678"] }),
    message: ContentSchema.meta({
      description: "Posted in the chat as the buyer's, marked with its source",
      examples: ["Hello, is the flat on Harbour Street still available? Could I visit on Saturday?"],
    }),
    listing_external_id: ExternalIdSchema.optional().meta({
      description: "A listing of the company the lead asks about (404 if it has none with this id)",
      examples: ["FLAT-2041"],
    }),
    source: z
      .string()
      .trim()
      .min(1, "Say where the lead came from, e.g. a portal's name.")
      .max(60)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE)
      .meta({ description: 'Shown with the message as "via {source}"', examples: ["Idealista"] }),
  })
  .strict();
export type LeadBody = z.infer<typeof LeadBodySchema>;
