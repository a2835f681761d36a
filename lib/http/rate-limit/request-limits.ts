// Rate limits as the route wrappers apply them: which limit a request is charged to, and the
// 429 answer. The sign-in endpoints of every surface share one flood ceiling per IP.
import { clientIp } from "../caller-identity";
import { chargeApiCall, chargeSignInCall } from "./limits";
import type { Verdict } from "./verdict";

/** POSTs that try credentials or make accounts. */
const SIGN_IN_PATHS = new Set([
  "/api/v1/auth/token",
  "/api/v1/auth/register",
  "/api/v1/auth/refresh",
  "/auth/login/",
  "/auth/login/refresh/",
  "/auth/register/",
]);

export const isSignInRequest = (request: Request) =>
  request.method === "POST" && SIGN_IN_PATHS.has(new URL(request.url).pathname);

/** Charges a /api/v1 request: sign-in paths per IP, everything else per caller. */
export function chargeV1Request(request: Request, identity: string | null): Promise<Verdict | null> {
  const ip = clientIp(request);
  return isSignInRequest(request) ? chargeSignInCall(ip) : chargeApiCall(identity, ip);
}

/**
 * Charges a sign-in call of the compatibility API or the browser (Auth.js' request, or a
 * server action's headers) to its IP's flood ceiling.
 */
export const chargeSignIn = (request: { headers: Headers }) => chargeSignInCall(clientIp(request));
