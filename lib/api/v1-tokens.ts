import { ACCESS_TOKEN_TTL_S } from "../auth/tokens";

export const tokenBody = (access: string, refresh: string) => ({
  access_token: access,
  refresh_token: refresh,
  token_type: "Bearer" as const,
  expires_in: ACCESS_TOKEN_TTL_S,
});
