// Whether an error means "the database cannot be reached right now" (PostgreSQL stopped,
// restarting, or the connection dropped), as opposed to a bug or a bad request. Such errors are
// answered 503 with Retry-After: the client retries and the pool reconnects by itself.
// Errors arrive in several shapes: Prisma's known errors (P1001…), the pg adapter's
// DriverAdapterError (kind, or originalCode = the SQLSTATE), raw pg and socket errors, each
// possibly wrapped in `cause`; all are looked at.

/**
 * Prisma: can't reach the server, timed out, connection closed, pool timeout, and P2028: a
 * transaction that could not start (or ran out of time) because the pool was saturated. Under
 * overload that is "try again shortly", and the transaction was rolled back, so nothing changed.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** The pg adapter's kinds for the same situations. */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/**
 * SQLSTATEs: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up
 * or shutting down), class 08 connection exceptions, 53300 too_many_connections.
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
/** node-postgres's own messages, which carry no code. */
const MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Client has encountered a connection error|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to administrator command/i;

type Inspectable = {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
};

function matches(value: Inspectable): boolean {
  const codes = [value.code, value.originalCode].filter((code) => typeof code === "string");
  if (codes.some((code) => PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code)))
    return true;
  if (typeof value.kind === "string" && ADAPTER_KINDS.has(value.kind)) return true;
  return typeof value.message === "string" && MESSAGES.test(value.message);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // Follows `cause` and Prisma's meta.driverAdapterError a few levels deep (never a cycle).
  for (let depth = 0; depth < 6 && current !== null && typeof current === "object"; depth++) {
    const value = current as Inspectable & { meta?: { driverAdapterError?: unknown } };
    if (matches(value)) return true;
    current = value.cause ?? value.meta?.driverAdapterError;
  }
  return false;
}
