import { refreshAccessToken } from "@/lib/auth/tokens";
import { asUnauthenticated, DRF } from "@/lib/compat/errors";
import { RefreshBody } from "@/lib/compat/inputs";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatTokenPairSchema } from "@/lib/compat/schemas";
import { readJson } from "@/lib/http/body";
import { limitRefreshAttempt } from "@/lib/http/rate-limit/sign-in-guard";
import { jsonResponse } from "@/lib/http/route";

/**
 * `{refresh}` → a new access token. The original rotated refresh tokens and answered
 * `{access, refresh}`; ours are not rotated, so the same refresh token comes back: clients that
 * store `refresh` from this answer and clients that only read `access` both keep working.
 */
export const POST = compatRoute(async ({ request }) => {
  const { refresh } = await readJson(request, RefreshBody, { optional: true });
  const access = await limitRefreshAttempt(request, () => refreshAccessToken(refresh)).catch(
    asUnauthenticated(DRF.refreshNotValid),
  );
  return jsonResponse(CompatTokenPairSchema, { access, refresh });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
