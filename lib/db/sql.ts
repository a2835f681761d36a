// Hand-written statements for the hottest reads (authenticating a request, listing chats), sent
// to the driver directly. Prisma's client spends about 0.2 ms of CPU on any query before the
// database sees it, plus its result nesting: measured per call, authenticating cost 1.26 ms of
// CPU through Prisma against 0.19 ms for the same statement through pg, and an inbox page 0.68
// against 0.15, together more than the rest of the request beyond the framework. Everything
// else stays on Prisma. Statements are built with Prisma.sql (values are always parameters,
// never spliced), run on the same pool or PGlite instance as the client, and are counted like
// Prisma's (lib/db/query-count.ts).
import { env } from "../env";
import { database, type Prisma } from "./client";
import { recordStatement } from "./query-count";

/** The rows of one statement. Column types as the drivers parse them: int4 → number, timestamptz → Date. */
export async function queryRows<Row>(statement: Prisma.Sql): Promise<Row[]> {
  const { pool, pglite } = database();
  const sql = statement.text;
  const params = statement.values as unknown[];
  if (env.EXPOSE_QUERY_COUNT) recordStatement({ sql, params });
  if (pool) return (await pool.query(sql, params)).rows as Row[];
  if (pglite) return (await pglite.query<Row>(sql, params)).rows;
  throw new Error("no database driver is open");
}
