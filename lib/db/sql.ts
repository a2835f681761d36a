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
// (PostgreSQL) or outside the transaction's lock (PGlite) and commits by itself. Use them for
// single statements only; a write that needs a transaction stays on Prisma (`$transaction`).
import "server-only";
import { createHash } from "node:crypto";
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
  const sql = statement.text;
  const params = statement.values as unknown[];
  const known = statements.get(sql);
  const name = pool ? (known?.preparedName ?? preparedName(sql)) : undefined;
  if (env.EXPOSE_QUERY_COUNT) recordStatement({ sql, params, prepared: name });
  let result: Result;
  if (pool) result = await pool.query({ name, text: sql, values: params });
  else if (pglite) result = await pglite.query(sql, params);
  else throw new Error("no database driver is open");
  if (!known?.checked) {
    await checkColumns(columns, result);
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

async function typeNameOf(oid: number): Promise<string> {
  const builtIn = BUILT_IN_TYPE_OIDS[oid];
  if (builtIn) return builtIn;
  let name = enumTypeNames.get(oid);
  if (!name) {
    const { pool, pglite } = database();
    const lookup = "SELECT typname FROM pg_type WHERE oid = $1";
    const rows = pool
      ? (await pool.query(lookup, [oid])).rows
      : ((await pglite?.query(lookup, [oid]))?.rows ?? []);
    name = String((rows[0] as { typname?: string } | undefined)?.typname ?? `oid ${oid}`);
    enumTypeNames.set(oid, name);
  }
  return name;
}

async function checkColumns(columns: Columns, result: Result): Promise<void> {
  const problems: string[] = [];
  const returned = new Map(result.fields.map((field) => [field.name, field.dataTypeID]));
  for (const [name, declared] of Object.entries(columns)) {
    const oid = returned.get(name);
    if (oid === undefined) {
      problems.push(`${name} is declared but the statement does not return it`);
      continue;
    }
    const actual = await typeNameOf(oid);
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
