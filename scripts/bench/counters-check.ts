// One-off measurement for the issue-6 report (not part of the suite): generates a data set,
// checks the trigger-kept counters against a recount, and times the old counts against the new.
import pg from "pg";
import { applyPendingMigrations } from "../../lib/db/migrate";
import { createPostgresDatabase } from "../postgres-database";
import { generateDataset, roles, shapeAt } from "./dataset";

const scale = Number(process.argv[2] ?? "0.2");
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = await createPostgresDatabase(serverUrl, "counters");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  await applyPendingMigrations({ postgresUrl: database.url });
  const shape = shapeAt(scale);
  const who = roles(shape);
  let started = performance.now();
  await generateDataset((sql) => client.query(sql), shape, { vacuum: true });
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const drift = await client.query(`
    SELECT count(*) AS n FROM (
      SELECT company_id, count(*) FILTER (WHERE is_active) AS o, count(*) FILTER (WHERE NOT is_active) AS c,
             count(*) FILTER (WHERE is_active AND company_unread_count > 0) AS ou,
             count(*) FILTER (WHERE NOT is_active AND company_unread_count > 0) AS cu,
             sum(company_unread_count) AS m FROM chats GROUP BY company_id
    ) r FULL JOIN company_chat_stats s USING (company_id)
    WHERE (r.o, r.c, r.ou, r.cu, r.m) IS DISTINCT FROM (s.open_chats, s.closed_chats, s.open_unread_chats, s.closed_unread_chats, s.unread_messages)`);
  console.log(`companies whose counters differ from a recount: ${drift.rows[0].n}`);
  const busy = who.busyCompanyId;
  const time = async (label: string, sql: string) => {
    for (let i = 0; i < 20; i++) await client.query(sql, [busy]);
    started = performance.now();
    const runs = 200;
    for (let i = 0; i < runs; i++) await client.query(sql, [busy]);
    const wall = (performance.now() - started) / runs;
    // The server's own execution time, free of the round trip a loaded machine inflates.
    const plans = [];
    for (let i = 0; i < 21; i++) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, [busy]);
      plans.push(rows[0]["QUERY PLAN"][0]["Execution Time"] as number);
    }
    const median = plans.sort((a, b) => a - b)[10] ?? Number.NaN;
    console.log(`${label}: ${wall.toFixed(2)} ms a round trip, ${median.toFixed(3)} ms executing (median)`);
  };
  await time(
    "old unread total (sum over chats)",
    `SELECT sum(company_unread_count), count(*) FROM chats WHERE company_id = ANY(ARRAY[$1::int]) AND company_unread_count > 0`,
  );
  await time(
    "old page count (count over chats)",
    `SELECT count(*) FROM chats WHERE company_id = ANY(ARRAY[$1::int])`,
  );
  await time(
    "new totals (counter row)",
    `SELECT sum(unread_messages), sum(open_chats + closed_chats) FROM company_chat_stats WHERE company_id = ANY(ARRAY[$1::int])`,
  );
} finally {
  await client.end();
  await database.drop();
}
process.exit(0);
