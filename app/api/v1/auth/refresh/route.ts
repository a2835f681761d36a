import { RefreshBody } from "@/lib/api/v1-inputs";
import { TokenSchema } from "@/lib/api/v1-schemas";
import { tokenBody } from "@/lib/api/v1-tokens";
import { refreshAccessToken } from "@/lib/auth/tokens";
import { readJson } from "@/lib/http/body";
import { limitRefreshAttempt } from "@/lib/http/rate-limit/sign-in-guard";
import { jsonResponse, v1Route } from "@/lib/http/route";

export const POST = v1Route(async ({ request }) => {
  const { refresh_token } = await readJson(request, RefreshBody);
  const access = await limitRefreshAttempt(request, () => refreshAccessToken(refresh_token));
  return jsonResponse(TokenSchema, tokenBody(access, refresh_token));
});
