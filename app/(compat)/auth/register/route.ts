import { z } from "zod";
import { registerUser } from "@/lib/accounts/users";
import { fieldErrors } from "@/lib/compat/errors";
import { RegisterBody } from "@/lib/compat/inputs";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatRegisteredSchema } from "@/lib/compat/schemas";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { zodIssues } from "@/lib/http/errors";
import { jsonResponse } from "@/lib/http/route";

/**
 * `{email, username, password, password2}` → 201. The username becomes the account's name.
 * Answers in the original's envelope (`success`, `message`, `user` / `errors`).
 */
export const POST = compatRoute(async ({ request }) => {
  try {
    const body = await readJson(request, RegisterBody, { optional: true });
    const actor = await registerUser({ email: body.email, name: body.username, password: body.password });
    const user = { id: actor.userId, email: actor.email, username: actor.name };
    return jsonResponse(
      CompatRegisteredSchema,
      { success: true, message: "User registered successfully", user, ...user },
      { status: 201 },
    );
  } catch (error) {
    const issues =
      error instanceof z.ZodError ? zodIssues(error) : error instanceof AppError ? error.fieldIssues : [];
    if (issues.length === 0) throw error;
    return Response.json(
      { success: false, message: "Registration failed", errors: fieldErrors(issues) },
      { status: 400 },
    );
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
