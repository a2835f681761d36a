// One JSON line per event on stdout, in one shape, for the request log, unexpected errors and
// the background parts (webhook worker, live event hub): log collectors parse one format, and
// `request_id` joins an error to its request.
// Never pass bodies, headers, cookies, tokens or secrets here: only the fields named below.
import "server-only";
import { env } from "./env";
import { redactSecrets } from "./redact";

export type LogLevel = "info" | "warn" | "error";

type RequestLine = {
  request_id: string;
  method: string;
  /** The pathname only: the query string may carry search terms. */
  path: string;
  status: number;
  duration_ms: number;
  caller: string | null;
};

type ErrorLine = { request_id: string; error: string; stack?: string };

/**
 * An event outside any request: `msg` says what happened in words that stay the same from one
 * occurrence to the next (so lines can be counted), the other fields are ids and counts.
 */
type EventLine = { msg: string; error?: string } & Record<string, string | number | boolean | null>;

/** Writes one line; `time` and `level` lead so the line reads well in a terminal too. */
export function writeLogLine(level: LogLevel, fields: RequestLine | ErrorLine | EventLine): void {
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), ...fields })}\n`);
}

/**
 * The request log (LOG_REQUESTS). 4xx answers are "info": they are the client's mistake and
 * routine (401s, 404s), and an operator's warnings should not fill with them; 5xx are "error".
 */
export function logRequest(line: RequestLine): void {
  if (!env.logRequests) return;
  writeLogLine(line.status >= 500 ? "error" : "info", line);
}

/**
 * An unexpected error, always logged, whatever LOG_REQUESTS says. Its text comes from whatever
 * threw, possibly quoting its input, so credentials in it are masked (lib/redact.ts).
 */
export function logUnexpectedError(requestId: string, error: unknown): void {
  const stack = (error as Error)?.stack;
  writeLogLine("error", {
    request_id: requestId,
    error: redactSecrets(String(error)),
    ...(typeof stack === "string" ? { stack: redactSecrets(stack) } : {}),
  });
}

/** A background event (worker started, a stream that failed, a lost connection). */
export function logEvent(level: LogLevel, fields: EventLine): void {
  writeLogLine(level, fields);
}
