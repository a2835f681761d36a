// One error type for the domain. Each code maps to one HTTP status in one place
// (lib/http/errors.ts); handlers never choose statuses themselves.
export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "chat_closed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "idempotency_mismatch"
  | "too_many_requests"
  | "service_unavailable";

export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldIssues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found.`);

/** Prisma's unique-constraint violation, whichever driver adapter raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
