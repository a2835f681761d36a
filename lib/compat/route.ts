// Route handlers of the compatibility API: DRF-style errors, CORS as the original allowed it,
// and explicit answers for the methods a path does not support.

import type { Around } from "../http/around";
import { chargeSignIn, isSignInRequest } from "../http/rate-limit/request-limits";
import { RateLimited, setRateLimitHeaders } from "../http/rate-limit/verdict";
import { type RouteContext, type RouteParams, routeWith } from "../http/route";
import { drfErrorResponse } from "./errors";

type CompatHandler = (request: Request, context: { params: Promise<RouteParams> }) => Promise<Response>;

// The original allowed every origin (django-cors-headers, CORS_ALLOW_ALL_ORIGINS), so browser
// clients on other origins called it directly. These paths authenticate by bearer token only,
// never by cookie, so a wildcard origin exposes nothing a caller does not already hold.
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers":
    "x-request-id, allow, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy",
} as const;

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
  return response;
}

/**
 * Sign-in, refresh and registration share the API's flood ceiling per IP (their handlers add
 * the failure limits); a refusal reads as DRF's throttling did.
 */
const limitSignIn: Around = async (request, requestId, run) => {
  if (!isSignInRequest(request)) return run();
  const verdict = await chargeSignIn(request);
  if (!verdict) return run();
  const response = verdict.allowed ? await run() : drfErrorResponse(new RateLimited(verdict), requestId);
  setRateLimitHeaders(response.headers, verdict);
  return response;
};

const drfRoute = routeWith(drfErrorResponse, limitSignIn);

/** A compatibility route handler: request id, errors in DRF's shapes, CORS headers. */
export function compatRoute(handler: (context: RouteContext) => Promise<Response>): CompatHandler {
  const route = drfRoute(handler);
  return async (request, context) => withCors(await route(request, context));
}

type Method = "GET" | "POST";
type AnyMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The methods a path does not support answer 405 as DRF did, with an `Allow` header. They are
 * exported explicitly: the original's viewsets also accepted PUT/PATCH/DELETE (a buyer could
 * move a chat to another company; DELETE removed the chat and then answered 500).
 */
export function methodsOf(...supported: Method[]) {
  const allowed = [...supported, ...(supported.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: CompatHandler = async (request) =>
    withCors(
      Response.json(
        { detail: `Method "${request.method}" not allowed.` },
        { status: 405, headers: { allow: allowed, "cache-control": "no-store" } },
      ),
    );
  /** CORS preflight (no credentials needed) and the method list. */
  const options: CompatHandler = async () =>
    withCors(
      new Response(null, {
        status: 200,
        headers: {
          allow: allowed,
          "access-control-allow-methods": allowed,
          "access-control-allow-headers": "authorization, content-type, x-request-id",
          "access-control-max-age": "86400",
        },
      }),
    );
  return { refuse, options };
}

/**
 * Every method a path does not serve, answering 405, plus OPTIONS. A route file exports the
 * ones it does not implement itself:
 *   export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
 */
export function otherMethods(...supported: Method[]): Record<AnyMethod | "OPTIONS", CompatHandler> {
  const { refuse, options } = methodsOf(...supported);
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: options };
}
