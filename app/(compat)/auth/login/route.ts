import { verifyCredentials } from "@/lib/accounts/users";
import { issueTokenPair } from "@/lib/auth/tokens";
import { DRF } from "@/lib/compat/errors";
import { LoginBody } from "@/lib/compat/inputs";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatTokenPairSchema } from "@/lib/compat/schemas";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { limitPasswordAttempt } from "@/lib/http/rate-limit/sign-in-guard";
import { jsonResponse } from "@/lib/http/route";

/** Email + password → simplejwt's `{access, refresh}` pair (a revocable API session). */
export const POST = compatRoute(async ({ request }) => {
  const { email, password } = await readJson(request, LoginBody, { optional: true });
  const actor = await limitPasswordAttempt(request, email, () => verifyCredentials(email, password));
  if (!actor) throw new AppError("unauthenticated", DRF.noActiveAccount);
  const { access, refresh } = await issueTokenPair(actor);
  return jsonResponse(CompatTokenPairSchema, { access, refresh });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
