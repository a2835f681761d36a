import { z } from "zod";

export const CompanyInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the company's name.").max(200),
  description: z.string().trim().max(5000).default(""),
});
export const CompanyPatchSchema = CompanyInputSchema.partial().refine(
  (patch) => patch.name !== undefined || patch.description !== undefined,
  { message: "Give name or description to change." },
);

export const UserPatchSchema = z
  .object({
    company_id: z.number().int().positive().nullable().optional(),
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
