import { z } from "zod";
import { DbIdSchema, isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

const CompanyName = z
  .string()
  .trim()
  .min(1, "Enter the company's name.")
  .max(200)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);
const CompanyDescription = z.string().trim().max(5000).refine(isStorableText, STORABLE_TEXT_MESSAGE);

export const CompanyInputSchema = z.object({
  name: CompanyName,
  description: CompanyDescription.default(""),
});
// Written out rather than CompanyInputSchema.partial(): that would keep description's default
// and blank the description of every PATCH that only renames.
export const CompanyPatchSchema = z
  .object({
    name: CompanyName.optional(),
    description: CompanyDescription.optional(),
  })
  .refine((patch) => patch.name !== undefined || patch.description !== undefined, {
    message: "Give name or description to change.",
  });

export const UserPatchSchema = z
  .object({
    company_id: DbIdSchema.nullable().optional(),
    is_admin: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => patch.company_id !== undefined || patch.is_admin !== undefined, {
    message: "Give company_id or is_admin to change.",
  });

export const GroupNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(150)
  .regex(/^[\w.@+-]+$/, "Group names use letters, digits and _ . @ + - only.");
