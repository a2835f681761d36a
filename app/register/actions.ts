"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { RegisterInputSchema } from "@/lib/accounts/schemas";
import { registerUser } from "@/lib/accounts/users";
import { AppError } from "@/lib/errors";
import { chargeSignIn } from "@/lib/http/rate-limit/request-limits";
import { inSeconds } from "@/lib/http/rate-limit/verdict";

export type RegisterFormState = {
  fieldErrors?: { email?: string[]; name?: string[]; password?: string[] };
  formError?: string;
  values?: { email: string; name: string };
};

// A public endpoint like any route handler: the same schema as POST /api/v1/auth/register.
export async function registerAccount(
  _previous: RegisterFormState,
  form: FormData,
): Promise<RegisterFormState> {
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  const parsed = RegisterInputSchema.safeParse({ ...values, password: form.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  // The same flood ceiling as POST /api/v1/auth/register: no accounts in bulk from one address.
  const verdict = await chargeSignIn({ headers: await headers() });
  if (verdict && !verdict.allowed) {
    return {
      formError: `Too many attempts from here. Try again in ${inSeconds(verdict.resetSeconds)}.`,
      values,
    };
  }
  try {
    await registerUser(parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      return {
        fieldErrors: { email: ["An account with this email already exists. Sign in instead?"] },
        values,
      };
    }
    throw error;
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: "/",
    });
  } catch (error) {
    // Success ends in a redirect, which Next signals by throwing: only Auth.js errors stop here.
    if (error instanceof AuthError) return { formError: "Your account was created. Please sign in.", values };
    throw error;
  }
  return {};
}
