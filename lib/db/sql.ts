// Hand-written statements for the hottest paths (authenticating a request, listing chats and
// messages, unread totals, sending), sent to the driver directly. Prisma's client spends about
// 0.2 ms of CPU on any query before the database sees it, plus its result nesting: measured per
// call, authenticating cost 1.26 ms of CPU through Prisma against 0.19 ms for the same statement
// through pg, and an inbox page 0.68 against 0.15, together more than the rest of the request
// beyond the framework. Everything else stays on Prisma. Statements are built with Prisma.sql
// (values are always parameters, never spliced), run on the same pool or PGlite instance as the
// client, and are counted like Prisma's (lib/db/query-count.ts).
//
// These statements do NOT join an open Prisma transaction: each runs on a connection of its own
// (PostgreSQL) or outside the transaction's lock (PGlite) and commits by itself. A hot write that
// needs several statements runs them in `inTransaction` (a lead); other writes that need a
// transaction stay on Prisma (`$transaction`).
import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { env } from "../env";
import { database, type Prisma } from "./client";
import { BUILT_IN_TYPE_OIDS, type Columns, type RowOf } from "./columns";
import { recordStatement } from "./query-count";

type Field = { name: string; dataTypeID: number };
type Result = { rows: Record<string, unknown>[]; fields: Field[] };

/**
 * The rows of one statement, whose columns `columns` declares (lib/db/columns.ts). The first time
 * a statement text runs, the columns the database returned are checked against the declaration:
 * every declared name present with its type, nothing undeclared, no null where none is allowed.
 */
export async function queryRows<C extends Columns>(columns: C, statement: Prisma.Sql): Promise<RowOf<C>[]> {
  const { pool, pglite } = database();
  if (pool) return rowsOn(onPostgres(pool), columns, statement);
  if (pglite) return rowsOn(onPglite(pglite), columns, statement);
  throw new Error("no database driver is open");
}

/** queryRows inside one transaction. */
export type TransactionQuery = <C extends Columns>(columns: C, statement: Prisma.Sql) => Promise<RowOf<C>[]>;

/**
 * Hand-written statements in one transaction of their own (READ COMMITTED), for a write that
 * needs several statements and is hot enough that Prisma's per-query cost matters (a lead: about
 * a third of Prisma's cost for the same statements). Commits when `work` resolves, rolls back
 * when it throws. On PGlite the transaction holds the instance, as Prisma's do.
 */
export async function inTransaction<T>(work: (query: TransactionQuery) => Promise<T>): Promise<T> {
  const { pool, pglite } = database();
  if (pglite)
    return pglite.transaction((tx) => work((columns, statement) => rowsOn(onPglite(tx), columns, statement)));
  if (!pool) throw new Error("no database driver is open");
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work((columns, statement) => rowsOn(onPostgres(client), columns, statement));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is not handed to the next request.
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** One way to run a statement: PostgreSQL's prepare statements by name, PGlite's cannot. */
type Driver = { prepares: boolean; run(sql: string, params: unknown[], name?: string): Promise<Result> };
const onPostgres = (on: Pick<pg.Pool, "query">): Driver => ({
  prepares: true,
  run: (text, values, name) => on.query({ name, text, values }),
});
const onPglite = (on: { query(sql: string, params: unknown[]): Promise<Result> }): Driver => ({
  prepares: false,
  run: (sql, params) => on.query(sql, params),
});

async function rowsOn<C extends Columns>(
  driver: Driver,
  columns: C,
  statement: Prisma.Sql,
): Promise<RowOf<C>[]> {
  const sql = statement.text;
  const params = statement.values as unknown[];
  const known = statements.get(sql);
  const name = driver.prepares ? (known?.preparedName ?? preparedName(sql)) : undefined;
  if (env.EXPOSE_QUERY_COUNT) recordStatement({ sql, params, prepared: name });
  const result = await driver.run(sql, params, name);
  if (!known?.checked) {
    await checkColumns(driver, columns, result);
    if (statements.size < MAX_STATEMENTS || known) statements.set(sql, { preparedName: name, checked: true });
  }
  return result.rows as RowOf<C>[];
}

/**
 * On PostgreSQL these statements are prepared once per connection under a name derived from
 * their text: planning a six-table join took 1 ms against 0.1 ms to run it, on every request.
 * The texts are few (one per combination of filters), so what is known of each is kept, up to a
 * bound. PostgreSQL re-plans a prepared statement by itself when a table it reads changes.
 * (Through a pooler in transaction mode, which forgets prepared statements, use PgBouncer 1.21+
 * with max_prepared_statements.)
 */
const statements = new Map<string, { preparedName?: string; checked: boolean }>();

/** Past this many texts something builds them from data: run the rest unprepared. */
const MAX_STATEMENTS = 200;

function preparedName(sql: string): string | undefined {
  if (statements.size >= MAX_STATEMENTS) return undefined;
  return `hot_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`;
}

/** Type names of enum oids, looked up once per process. */
const enumTypeNames = new Map<number, string>();

/** On the statement's own driver: inside a PGlite transaction, any other query waits for its end. */
async function typeNameOf(driver: Driver, oid: number): Promise<string> {
  const builtIn = BUILT_IN_TYPE_OIDS[oid];
  if (builtIn) return builtIn;
  let name = enumTypeNames.get(oid);
  if (!name) {
    const { rows } = await driver.run("SELECT typname FROM pg_type WHERE oid = $1", [oid]);
    name = String((rows[0] as { typname?: string } | undefined)?.typname ?? `oid ${oid}`);
    enumTypeNames.set(oid, name);
  }
  return name;
}

async function checkColumns(driver: Driver, columns: Columns, result: Result): Promise<void> {
  const problems: string[] = [];
  const returned = new Map(result.fields.map((field) => [field.name, field.dataTypeID]));
  for (const [name, declared] of Object.entries(columns)) {
    const oid = returned.get(name);
    if (oid === undefined) {
      problems.push(`${name} is declared but the statement does not return it`);
      continue;
    }
    const actual = await typeNameOf(driver, oid);
    if (actual !== declared.pgType) problems.push(`${name} is ${actual}, declared ${declared.pgType}`);
    if (!declared.nullable && result.rows.some((row) => row[name] === null)) {
      problems.push(`${name} is null, declared not null`);
    }
  }
  for (const name of returned.keys()) {
    if (!(name in columns)) problems.push(`${name} is returned but not declared`);
  }
  if (problems.length) {
    throw new Error(`A hand-written statement's rows do not match their declaration: ${problems.join("; ")}`);
  }
}
