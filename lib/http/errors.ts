// The one place that turns errors into HTTP answers, for both API surfaces.
import { z } from "zod";
import { isDatabaseUnavailable } from "../db/unavailable";
import { AppError, type ErrorCode, type FieldIssue } from "../errors";
import { logUnexpectedError } from "../log";
import type { Problem } from "./problem-schema";
import { RateLimited, rateLimitHeaders } from "./rate-limit/verdict";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  chat_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_mismatch: 422,
  too_many_requests: 429,
  service_unavailable: 503,
  internal: 500,
};

const TITLE_BY_CODE: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  chat_closed: "Chat is closed",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  idempotency_mismatch: "Idempotency key reused",
  too_many_requests: "Too many requests",
  service_unavailable: "Service unavailable",
  internal: "Internal server error",
};

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "body",
    message: issue.message,
  }));
}

/** PostgreSQL's "invalid byte sequence" (22021), whichever adapter reported it. */
function isUnstorableText(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown; code?: unknown } } | null)?.cause;
  if (cause?.originalCode === "22021" || cause?.code === "22021") return true;
  return /\b22021\b|invalid byte sequence/i.test(String(error));
}

/** The client hung up while its request was read: nobody is left to answer, and nothing broke. */
function isClientAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === "AbortError" || error.message === "aborted" || code === "ECONNRESET";
}

/** Anything thrown, as an AppError; unexpected errors are logged and answered generically. */
export function toAppError(error: unknown, requestId: string): AppError {
  // An "internal" AppError thrown by hand is still a bug: logged, and its text kept from the client.
  if (error instanceof AppError && error.code !== "internal") return error;
  if (error instanceof z.ZodError) {
    return new AppError("validation_failed", "The request has invalid fields.", zodIssues(error));
  }
  if (isDatabaseUnavailable(error)) {
    // PostgreSQL is stopped or restarting: nothing was committed, and the pool reconnects by
    // itself once it is back. Not logged as a bug; the request log shows the 503s.
    return new AppError("service_unavailable", "The database is unavailable for a moment. Retry shortly.");
  }
  // After the database check: a connection to PostgreSQL reset mid-query is ECONNRESET too, and
  // must be the 503 a client retries, not a 400. (A client that really went away reads neither.)
  if (isClientAbort(error)) return new AppError("bad_request", "The request was aborted by the client.");
  if (isUnstorableText(error)) {
    // A backstop: schemas refuse NUL already, but no text a client sends may become a 500.
    return new AppError(
      "bad_request",
      "The request contains text the database cannot store (NUL characters).",
    );
  }
  // Nothing above named it: a bug. The client learns only that, the log line has the detail.
  logUnexpectedError(requestId, error);
  return new AppError(
    "internal",
    "Something went wrong on our side. Quote the request id when reporting it.",
  );
}

/** A PostgreSQL restart takes a few seconds; clients that honour Retry-After come back then. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 2;

/** RFC 9457 problem details for the versioned API. */
export function problemResponse(error: unknown, requestId: string): Response {
  const appError = toAppError(error, requestId);
  const status = STATUS_BY_CODE[appError.code];
  // Typed by the published schema: a field added here and not there fails to compile.
  const body: Problem = {
    type: `https://estate-chat.example/problems/${appError.code.replaceAll("_", "-")}`,
    title: TITLE_BY_CODE[appError.code],
    status,
    detail: appError.message,
    ...(appError.fieldIssues.length ? { errors: appError.fieldIssues } : {}),
    request_id: requestId,
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
  if (status === 503) headers["retry-after"] = String(RETRY_AFTER_UNAVAILABLE_SECONDS);
  if (appError instanceof RateLimited) Object.assign(headers, rateLimitHeaders(appError.verdict));
  return new Response(JSON.stringify(body), { status, headers });
}
