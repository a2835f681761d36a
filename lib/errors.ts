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
  | "service_unavailable"
  /** A fault of ours that nothing named: a bug. Its detail goes to the log, never to the client. */
  | "internal";

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

type RawQueryErrorMeta = { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };

/**
 * A unique-constraint violation, however it was raised: P2002 from Prisma's own queries, P2010
 * carrying PostgreSQL's SQLSTATE 23505 from Prisma's raw statements, 23505 from the driver.
 */
/** A foreign key that points at a row deleted meanwhile (Prisma's P2003, or 23503 itself). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: RawQueryErrorMeta };
  if (code === "P2003" || code === "23503") return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === "P2010" && cause?.originalCode === "23503";
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: RawQueryErrorMeta };
  // 23505 itself: a statement sent to the driver directly (lib/db/sql.ts).
  if (code === "P2002" || code === "23505") return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505");
}
