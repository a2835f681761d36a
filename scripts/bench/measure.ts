// The two instruments: autocannon over HTTP (as clients would), and the same SQL replayed with the
// raw driver at the same concurrency (the database's own ceiling, no HTTP, no framework).
import autocannon from "autocannon";
import pg from "pg";
import type { Statement } from "../../lib/db/query-count";
import type { BenchRequest } from "./scenarios";

export type Figures = { rps: number; p50: number; p99: number; errors: number };

export async function loadHttp(
  baseUrl: string,
  requests: BenchRequest[],
  options: { connections: number; seconds: number },
): Promise<Figures> {
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: requests.map((request) => {
      const headers = {
        authorization: `Bearer ${request.token}`,
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      };
      let sent = 0;
      const vary = request.vary;
      return {
        method: request.method,
        path: request.path,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        ...(vary
          ? {
              setupRequest: (req: autocannon.Request) => {
                const change = vary(sent++);
                return {
                  ...req,
                  headers: { ...headers, ...change.headers },
                  body: JSON.stringify(change.body ?? request.body),
                };
              },
            }
          : {}),
      };
    }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const isTransactionEnd = (sql: string) => /COMMIT/i.test(sql) && sql.trim().startsWith("--");
const replayable = (sql: string) => !sql.trim().startsWith("--");

/**
 * Replays one request's statements in a loop on `connections` raw connections for `seconds`.
 * Statements Prisma ran in a transaction (it reports the COMMIT) are replayed inside one.
 */
export async function loadDatabase(
  databaseUrl: string,
  statements: Statement[],
  options: { connections: number; seconds: number },
): Promise<Figures> {
  const transactional = statements.some((statement) => isTransactionEnd(statement.sql));
  const work = statements.filter((statement) => replayable(statement.sql));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          if (transactional) await client.query("BEGIN");
          for (const statement of work) {
            // Prepared where the server prepares it: the same work, planning included or not.
            await client.query({ name: statement.prepared, text: statement.sql, values: statement.params });
          }
          if (transactional) await client.query("COMMIT");
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
          if (transactional) await client.query("ROLLBACK").catch(() => {});
        }
      }
    } finally {
      client.release();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
