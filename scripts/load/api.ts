// The load's HTTP client: one request, timed and tallied; a network failure or a timeout comes
// back as status 0 so callers can decide to retry.
import type { Kind, Metrics } from "./metrics";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, read field by field
export type Reply = { status: number; body: any };

/** A user gives up on an answer after this long (and retries a send with the same key). */
const TIMEOUT_MS = 30_000;
/**
 * Setup is not measured and is not retried (a sign-up that timed out may have happened), so it
 * waits longer: on a busy machine, sign-ups queue behind each other's password hashing.
 */
const SETUP_TIMEOUT_MS = 180_000;

export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly metrics: Metrics,
  ) {}

  metricsOf(): Metrics {
    return this.metrics;
  }

  async request(
    kind: Kind,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    timeoutMs = TIMEOUT_MS,
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const startedAt = performance.now();
    try {
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      this.metrics.record(kind, response.status, performance.now() - startedAt);
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: response.status, body };
    } catch {
      this.metrics.networkError(kind);
      return { status: 0, body: null };
    }
  }

  /** For setup steps, which must succeed: throws on an unexpected status. */
  async must(method: string, path: string, options: Parameters<Api["request"]>[3], expect: number[]) {
    const reply = await this.request("setup+check", method, path, options, SETUP_TIMEOUT_MS);
    if (!expect.includes(reply.status))
      throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }
}
