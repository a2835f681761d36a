// Query plans of the statements the app actually sends: captured through lib/db/query-count.ts
// (EXPOSE_QUERY_COUNT), then EXPLAINed with the same parameters. Used by the index-usage test and
// by the benchmark's plan report.
import type { Statement } from "../../lib/db/query-count";

/** Runs EXPLAIN (FORMAT JSON) on a statement with its parameters; answers the JSON plan. */
export type Explain = (sql: string, params: unknown[]) => Promise<unknown>;

export type SeqScan = { relation: string; sql: string };

/** The tables whose full scans would grow with the marketplace. */
export const LARGE_TABLES = ["chats", "messages"];

const explainable = (sql: string) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql);

/** Every sequential scan over a large table in the plans of these statements. */
export async function seqScansOverLargeTables(statements: Statement[], explain: Explain): Promise<SeqScan[]> {
  const found: SeqScan[] = [];
  for (const statement of statements) {
    if (!explainable(statement.sql)) continue;
    const plan = await explain(statement.sql, statement.params);
    for (const relation of seqScannedRelations(plan)) {
      if (LARGE_TABLES.includes(relation)) found.push({ relation, sql: statement.sql });
    }
  }
  return found;
}

/** Relation names of every "Seq Scan" node anywhere in an EXPLAIN (FORMAT JSON) result. */
export function seqScannedRelations(plan: unknown): string[] {
  const names: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (record["Node Type"] === "Seq Scan" && typeof record["Relation Name"] === "string") {
      names.push(record["Relation Name"]);
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(plan);
  return names;
}
