// Hand-written statements for the hottest paths (authenticating a request, listing chats and
// messages, unread totals, sending), sent to the driver directly. Prisma's client spends about 0.2 ms of CPU on any query before the
// database sees it, plus its result nesting: measured per call, authenticating cost 1.26 ms of
// CPU through Prisma against 0.19 ms for the same statement through pg, and an inbox page 0.68
// against 0.15, together more than the rest of the request beyond the framework. Everything
// else stays on Prisma. Statements are built with Prisma.sql (values are always parameters,
// never spliced), run on the same pool or PGlite instance as the client, and are counted like
// Prisma's (lib/db/query-count.ts).
import { createHash } from "node:crypto";
import { env } from "../env";
import { database, type Prisma } from "./client";
import { recordStatement } from "./query-count";

/** The rows of one statement. Column types as the drivers parse them: int4 → number, timestamptz → Date. */
export async function queryRows<Row>(statement: Prisma.Sql): Promise<Row[]> {
  const { pool, pglite } = database();
  const sql = statement.text;
  const params = statement.values as unknown[];
  const name = pool ? preparedName(sql) : undefined;
  if (env.EXPOSE_QUERY_COUNT) recordStatement({ sql, params, prepared: name });
  if (pool) return (await pool.query({ name, text: sql, values: params })).rows as Row[];
  if (pglite) return (await pglite.query<Row>(sql, params)).rows;
  throw new Error("no database driver is open");
}

/**
 * On PostgreSQL these statements are prepared once per connection under a name derived from
 * their text: planning a six-table join took 1 ms against 0.1 ms to run it, on every request.
 * The texts are few (one per combination of filters), so the names are kept, up to a bound.
 * PostgreSQL re-plans a prepared statement by itself when a table it reads changes. (Through a
 * pooler in transaction mode, which forgets prepared statements, use PgBouncer 1.21+ with
 * max_prepared_statements.)
 */
const preparedNames = new Map<string, string>();

/** Past this many texts something builds them from data: run the rest unprepared. */
const MAX_PREPARED = 200;

function preparedName(sql: string): string | undefined {
  let name = preparedNames.get(sql);
  if (!name && preparedNames.size < MAX_PREPARED) {
    name = `hot_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`;
    preparedNames.set(sql, name);
  }
  return name;
}
