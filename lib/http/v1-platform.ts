// What every /api/v1 answer goes through, in order: rate limit (who is calling decides the
// bucket), Idempotency-Key store (POSTs), ETag (GETs), then the limit's headers and CORS.
import "server-only";
import { env } from "../env";
import type { Around } from "./around";
import { resolveCaller } from "./authenticate";
import { callerIdentity } from "./caller-identity";
import { applyCors } from "./cors";
import { problemResponse } from "./errors";
import { withEtag } from "./etag";
import { withIdempotency } from "./idempotency";
import { chargeV1Request } from "./rate-limit/request-limits";
import { RateLimited, setRateLimitHeaders } from "./rate-limit/verdict";

export const aroundV1: Around = async (request, requestId, run) => {
  // A bad credential is the handler's 401 to give (resolveCaller remembers it); here it only
  // means "count this against the IP".
  const caller = await resolveCaller(request).catch(() => null);
  const identity = caller ? callerIdentity(caller) : null;
  const verdict = await chargeV1Request(request, identity);
  const response =
    verdict && !verdict.allowed
      ? problemResponse(new RateLimited(verdict), requestId)
      : await answer(request, identity, requestId, run);
  if (verdict) setRateLimitHeaders(response.headers, verdict);
  applyCors(response.headers, request.headers.get("origin"), env.CORS_ORIGINS);
  return response;
};

/** The handler's answer through the idempotency store and ETag; their errors are answers too. */
async function answer(
  request: Request,
  identity: string | null,
  requestId: string,
  run: () => Promise<Response>,
): Promise<Response> {
  try {
    return await withEtag(request, await withIdempotency(request, identity, requestId, run));
  } catch (error) {
    // E.g. a body over 64 KiB met while fingerprinting: still carries CORS and limit headers.
    return problemResponse(error, requestId);
  }
}
