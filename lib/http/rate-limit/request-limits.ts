// Rate limits as the route wrappers apply them: which buckets a request is charged to, and the
// 429 answer. The sign-in endpoints of every surface share the strict `auth:` buckets.
import { AppError } from "../../errors";
import { readCapped } from "../body";
import { clientIp } from "../caller-identity";
import { apiBucket, chargeBuckets, signInBuckets } from "./limits";
import type { Verdict } from "./verdict";

/** POSTs that try credentials or make accounts: the strictest limits. */
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

/** Charges a /api/v1 request: sign-in paths per IP and email, everything else per caller. */
export async function chargeV1Request(request: Request, identity: string | null): Promise<Verdict | null> {
  const ip = clientIp(request);
  if (isSignInRequest(request)) return chargeBuckets(signInBuckets(ip, await emailTried(request)));
  return chargeBuckets([apiBucket(identity, ip)]);
}

/**
 * Charges a sign-in attempt of the compatibility API or the browser (Auth.js' request, or a
 * server action's headers); without an email, the one the JSON body names.
 */
export async function chargeSignIn(
  request: Request | { headers: Headers },
  email?: string,
): Promise<Verdict | null> {
  const tried = email ?? (request instanceof Request ? await emailTried(request) : undefined);
  return chargeBuckets(signInBuckets(clientIp(request), tried));
}

/** The email a sign-in body names, read from a copy so the handler still gets the body. */
async function emailTried(request: Request): Promise<string | undefined> {
  try {
    const body: unknown = JSON.parse(await readCapped(request.clone(), 64 * 1024));
    const email = (body as { email?: unknown } | null)?.email;
    return typeof email === "string" ? email : undefined;
  } catch {
    return undefined; // No readable email: the per-IP bucket still counts the attempt.
  }
}

/** The refusal; the caller's error responder shapes it (problem+json, or DRF's detail). */
export const tooManyRequests = (verdict: Verdict) =>
  new AppError(
    "too_many_requests",
    `Request was throttled. Expected available in ${verdict.resetSeconds} second${verdict.resetSeconds === 1 ? "" : "s"}.`,
  );
