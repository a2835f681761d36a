// Wrappers for route handlers: a request id, errors turned into answers in one place, and the
// platform's HTTP behaviour around the handler (lib/http/v1-platform.ts for /api/v1).
// Each surface has its own error format (problem+json for /api/v1, DRF-style for the original's).
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { countingQueries } from "../db/query-count";
import { env } from "../env";
import { logRequest } from "../log";
import type { Around } from "./around";
import { peekCaller } from "./authenticate";
import { callerIdentity } from "./caller-identity";
import { problemResponse } from "./errors";
import { aroundV1 } from "./v1-platform";

export type RouteParams = Record<string, string | string[] | undefined>;
export type RouteContext = { request: Request; params: RouteParams; requestId: string };
type Handler = (context: RouteContext) => Promise<Response>;
type ErrorResponder = (error: unknown, requestId: string) => Response;

const passThrough: Around = (_request, _requestId, run) => run();

export function routeWith(respondToError: ErrorResponder, around: Around = passThrough) {
  return (handler: Handler) =>
    async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
      const started = performance.now();
      const incoming = request.headers.get("x-request-id");
      const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      const run = async () => {
        try {
          return await handler({ request, params: await context.params, requestId });
        } catch (error) {
          return respondToError(error, requestId);
        }
      };
      const answer = async () => {
        try {
          return await around(request, requestId, run);
        } catch (error) {
          return respondToError(error, requestId);
        }
      };
      let response: Response;
      if (env.EXPOSE_QUERY_COUNT) {
        const counted = await countingQueries(answer);
        response = counted.result;
        response.headers.set("x-db-queries", String(counted.queries));
      } else {
        response = await answer();
      }
      response.headers.set("x-request-id", requestId);
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
      logAnswer(request, requestId, response.status, started);
      return response;
    };
}

/** The request log's line. A streamed answer is logged when its headers are ready. */
function logAnswer(request: Request, requestId: string, status: number, started: number): void {
  const caller = peekCaller(request);
  logRequest({
    request_id: requestId,
    method: request.method,
    path: new URL(request.url).pathname,
    status,
    duration_ms: Math.round(performance.now() - started),
    caller: caller ? callerIdentity(caller) : null,
  });
}

/** Route handler for the versioned API. */
export const v1Route = routeWith(problemResponse, aroundV1);

/** A JSON answer shaped by its output schema: nothing leaves unparsed. */
export function jsonResponse<T extends z.ZodType>(
  schema: T,
  value: z.input<T>,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return Response.json(schema.parse(value), init);
}
