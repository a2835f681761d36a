// Errors on the compatibility API, shaped the way Django REST framework and simplejwt shaped
// them for the original: `{"detail": …}` for 401/404/405/413/415, a field dict for invalid
// fields, `{"error": …}` for the original's own checks. Statuses still come from
// STATUS_BY_CODE, except that DRF answered every invalid input with 400 (never 409 or 422).
import { z } from "zod";
import { AppError, type ErrorCode, type FieldIssue } from "../errors";
import { RETRY_AFTER_UNAVAILABLE_SECONDS, STATUS_BY_CODE, toAppError, zodIssues } from "../http/errors";
import { RateLimited, rateLimitHeaders } from "../http/rate-limit/verdict";

/** The detail texts simplejwt and DRF used; clients match some of them (`token_not_valid`). */
export const DRF = {
  notAuthenticated: "Authentication credentials were not provided.",
  tokenNotValid: "Given token not valid for any token type",
  refreshNotValid: "Token is invalid or expired",
  noActiveAccount: "No active account found with the given credentials",
  invalidPage: "Invalid page.",
  inactiveChat: "Cannot send message to inactive chat",
} as const;

/** What simplejwt added next to the detail, so clients that refresh on `token_not_valid` still do. */
const EXTRA_BY_DETAIL: Record<string, Record<string, unknown>> = {
  [DRF.tokenNotValid]: {
    code: "token_not_valid",
    messages: [{ token_class: "AccessToken", token_type: "access", message: DRF.refreshNotValid }],
  },
  [DRF.refreshNotValid]: { code: "token_not_valid" },
};

const STATUS_400: ErrorCode[] = ["validation_failed", "conflict", "chat_closed", "idempotency_mismatch"];

/** `{"field": ["message", …]}`; issues not tied to a field go under DRF's `non_field_errors`. */
export function fieldErrors(issues: FieldIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const { field, message } of issues) {
    const key = field === "body" ? "non_field_errors" : field;
    errors[key] ??= [];
    errors[key].push(message);
  }
  return errors;
}

function bodyOf(error: AppError): Record<string, unknown> {
  if (error.fieldIssues.length) return fieldErrors(error.fieldIssues);
  switch (error.code) {
    case "chat_closed":
      return { error: DRF.inactiveChat };
    // A failed check not tied to a field: the original's own `{"error": …}` answers.
    case "validation_failed":
    case "conflict":
    case "idempotency_mismatch":
      return { error: error.message };
    default:
      return { detail: error.message, ...EXTRA_BY_DETAIL[error.message] };
  }
}

/** The compatibility API's error responder (see compatRoute). */
export function drfErrorResponse(error: unknown, requestId: string): Response {
  const appError = toAppError(error, requestId);
  if (appError.code === "service_unavailable") {
    const headers = { "retry-after": String(RETRY_AFTER_UNAVAILABLE_SECONDS) };
    return Response.json({ detail: appError.message }, { status: 503, headers });
  }
  // DRF's own 500 text; the request id is ours, so a report can be found in the log.
  if (appError.code === "internal") {
    return Response.json({ detail: "A server error occurred.", request_id: requestId }, { status: 500 });
  }
  const status = STATUS_400.includes(appError.code) ? 400 : STATUS_BY_CODE[appError.code];
  const headers: Record<string, string> = {};
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
  if (appError instanceof RateLimited) Object.assign(headers, rateLimitHeaders(appError.verdict));
  return Response.json(bodyOf(appError), { status, headers });
}

/** A zod failure as the original's `{"error": …}`: its first message, without fields. */
export function asBusinessError(error: unknown): never {
  if (error instanceof z.ZodError) {
    const [first] = zodIssues(error);
    throw new AppError("validation_failed", first?.message ?? "Invalid input.");
  }
  throw error;
}

/** Rejects with DRF's text for a failed token check; anything else passes through. */
export const asUnauthenticated =
  (detail: string) =>
  (error: unknown): never => {
    if (error instanceof AppError && error.code === "unauthenticated")
      throw new AppError("unauthenticated", detail);
    throw error;
  };
