import { z } from "zod";
import { isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((email) => email.toLowerCase());

export const PasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(256, "Use at most 256 characters.");

export const NameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(150)
  .refine(isStorableText, STORABLE_TEXT_MESSAGE);

export const RegisterInputSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  password: PasswordSchema,
});
export type RegisterInput = z.infer<typeof RegisterInputSchema>;

export const CredentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .refine(isStorableText, STORABLE_TEXT_MESSAGE)
    .transform((email) => email.toLowerCase()),
  password: z.string().max(256),
});
