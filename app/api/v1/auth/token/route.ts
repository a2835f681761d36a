import { verifyCredentials } from "@/lib/accounts/users";
import { TokenBody } from "@/lib/api/v1-inputs";
import { TokenSchema } from "@/lib/api/v1-schemas";
import { tokenBody } from "@/lib/api/v1-tokens";
import { issueTokenPair } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { limitPasswordAttempt } from "@/lib/http/rate-limit/sign-in-guard";
import { jsonResponse, v1Route } from "@/lib/http/route";

/** Email + password → a bearer token pair bound to a new, revocable session. */
export const POST = v1Route(async ({ request }) => {
  const { email, password } = await readJson(request, TokenBody);
  const actor = await limitPasswordAttempt(request, email, () => verifyCredentials(email, password));
  if (!actor) throw new AppError("unauthenticated", "No account matches this email and password.");
  const { access, refresh } = await issueTokenPair(actor);
  return jsonResponse(TokenSchema, tokenBody(access, refresh));
});
