"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { SignInRateLimited, signIn } from "@/auth";
import { EmailSchema } from "@/lib/accounts/schemas";
import { inSeconds } from "@/lib/http/rate-limit/verdict";
import { safeRedirectPath } from "./redirect-path";

export type SignInFormState = {
  fieldErrors?: { email?: string[]; password?: string[] };
  formError?: string;
  email?: string;
};

const SignInFormSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "Enter your password.").max(256),
});

// A public endpoint like any route handler: everything in the form is parsed before use.
export async function signInWithPassword(
  _previous: SignInFormState,
  form: FormData,
): Promise<SignInFormState> {
  const email = String(form.get("email") ?? "");
  const parsed = SignInFormSchema.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
  } catch (error) {
    // Success ends in a redirect, which Next signals by throwing: only Auth.js errors stop here.
    if (error instanceof SignInRateLimited || (error as { code?: string }).code === "rate_limited") {
      const seconds = (error as Partial<SignInRateLimited>).retryAfterSeconds ?? 60;
      return { formError: `Too many sign-in attempts. Try again in ${inSeconds(seconds)}.`, email };
    }
    if (error instanceof AuthError) return { formError: "The email or password is not correct.", email };
    throw error;
  }
  return {};
}
