// Counts the SQL statements run on behalf of one piece of work (one HTTP request), so a test can
// pin how many queries a list endpoint costs: a per-row query that creeps back in changes the
// number. Off unless EXPOSE_QUERY_COUNT is set (test servers and benchmarks set it).
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** `prepared`: the name it is prepared under on each connection (lib/db/sql.ts), if it is. */
export type Statement = { sql: string; params: unknown[]; prepared?: string };
type Tally = { queries: number; statements?: Statement[] };

// One per process, on globalThis like the Prisma client (lib/db/client.ts): Next.js may load this
// module once per route bundle, and the client made by one bundle must report to the counter
// the route wrapper of another bundle reads.
const holder = globalThis as typeof globalThis & { __estateChatQueryTally?: AsyncLocalStorage<Tally> };
holder.__estateChatQueryTally ??= new AsyncLocalStorage<Tally>();
const tally = holder.__estateChatQueryTally;

/**
 * Runs `work`, counting the statements Prisma sends meanwhile (in this async context only);
 * with `keep`, also returns their text and parameters (to EXPLAIN them).
 */
export async function countingQueries<T>(
  work: () => Promise<T>,
  { keep = false } = {},
): Promise<{ result: T; queries: number; statements: Statement[] }> {
  const counter: Tally = { queries: 0, statements: keep ? [] : undefined };
  const result = await tally.run(counter, work);
  return { result, queries: counter.queries, statements: counter.statements ?? [] };
}

/**
 * Runs `work` outside any count: platform bookkeeping every request pays alike (rate-limit
 * counters) is not the endpoint's cost, and would make the figures differ by database.
 */
export function uncounted<T>(work: () => T): T {
  return tally.exit(work);
}

/** Called by the Prisma client's query event (lib/db/client.ts). */
export function recordQuery(event: { query: string; params: string }): void {
  recordStatement({ sql: event.query, params: parseParams(event.params) });
}

/** Called for statements sent to the driver directly (lib/db/sql.ts). */
export function recordStatement(statement: Statement): void {
  const counter = tally.getStore();
  if (!counter) return;
  counter.queries += 1;
  counter.statements?.push(statement);
}

function parseParams(params: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(params);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
