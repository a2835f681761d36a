// One benchmark pass on one data set, in its own process (lib/ reads its environment once):
// generate the set into a throw-away PostgreSQL database, start `next start` on it, then for each
// scenario measure HTTP, the database ceiling and the query plans. Writes JSON to the file named
// by --out. Run through scripts/bench/main.ts (`npm run bench`).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { seqScansOverLargeTables } from "../../tests/support/query-plans";
import { createPostgresDatabase } from "../postgres-database";
import { startServer } from "../test-server";
import { generateDataset, LISTINGS_PER_COMPANY, roles, shapeAt } from "./dataset";
import { type Figures, loadDatabase, loadHttp, percentile } from "./measure";
import type { Cast, Person } from "./scenarios";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    out: { type: "string" },
    only: { type: "string" },
    // A directory: the server then writes a V8 CPU profile there when it stops
    // (read it with scripts/bench/profile-summary.ts).
    "cpu-prof": { type: "string" },
  },
});
const scale = Number(values.scale);
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const AUTH_SECRET = "bench-secret-that-is-long-enough-for-hs256";
const SENDERS = 200;

export type ScenarioResult = {
  name: string;
  kind: "read" | "write";
  http: Figures;
  database: Figures;
  queriesPerRequest: number;
  seqScans: string[];
  /** At one connection, for scenarios with a latency goal. */
  alone?: Figures & { goalMs: number };
};
export type SetResult = {
  scale: number;
  counts: Record<string, number>;
  generateSeconds: number;
  framework: Figures;
  scenarios: ScenarioResult[];
  /** PUT /api/v1/company/listings with 500 listings, milliseconds (median of five). */
  bulkUpsert?: { createMs: number; updateMs: number };
};

const log = (line: string) => console.error(`[scale ${scale}] ${line}`);

async function main() {
  const database = await createPostgresDatabase(serverUrl, "bench");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const shape = shapeAt(scale);
  const who = roles(shape);
  // lib/ in this process talks to the same database (tokens, statement capture, the data set's
  // password hashes). Set before anything reads lib/env.ts, which reads the environment once.
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET, EXPOSE_QUERY_COUNT: "1" });
  try {
    log("generating the data set…");
    const started = performance.now();
    await generateDataset((sql) => client.query(sql), shape, { vacuum: true });
    const generateSeconds = (performance.now() - started) / 1000;
    const counts: Record<string, number> = {};
    for (const table of ["companies", "users", "chats", "messages"]) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    log(`generated in ${generateSeconds.toFixed(1)} s: ${JSON.stringify(counts)}`);

    const cast = await castFor(client, who);
    const { scenarios } = await import("./scenarios");
    const { countingQueries } = await import("../../lib/db/query-count");
    const { authenticateAccessToken } = await import("../../lib/auth/tokens");

    const profile = values["cpu-prof"];
    const server = await startServer(
      { DATABASE_URL: database.url, AUTH_SECRET, ...benchServerEnv() },
      { nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`] : [] },
    );
    try {
      log("framework ceiling (GET /api/live)…");
      const framework = await loadHttp(
        server.baseUrl,
        [{ method: "GET", path: "/api/live", token: "-" }],
        load,
      );
      const results: ScenarioResult[] = [];
      // --only takes comma-separated parts of scenario names: "inbox,send".
      const wanted = values.only?.split(",").map((part) => part.trim());
      const all = (await scenarios()).filter((s) => !wanted || wanted.some((part) => s.name.includes(part)));
      // Reads first: the sends change what the reads see.
      for (const scenario of all.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "read" ? -1 : 1))) {
        log(scenario.name);
        const requests = scenario.requests(cast);
        await loadHttp(server.baseUrl, requests, { ...load, seconds: 2 }); // warm-up
        const http = await loadHttp(server.baseUrl, requests, load);
        const alone = scenario.aloneP99GoalMs
          ? {
              ...(await loadHttp(server.baseUrl, requests, { ...load, connections: 1 })),
              goalMs: scenario.aloneP99GoalMs,
            }
          : undefined;
        const work = scenario.libWork(cast);
        const { statements, queries } = await countingQueries(
          async () => {
            await authenticateAccessToken(work.person.token);
            await work.run();
          },
          { keep: true },
        );
        const databaseFigures = await loadDatabase(database.url, statements, load);
        const scans = await seqScansOverLargeTables(statements, async (sql, params) => {
          const answer = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
          return answer.rows.map((row) => row["QUERY PLAN"]);
        });
        results.push({
          name: scenario.name,
          kind: scenario.kind,
          http,
          database: databaseFigures,
          queriesPerRequest: queries,
          seqScans: scans.map((scan) => scan.relation),
          alone,
        });
      }
      log("bulk upsert of 500 listings…");
      const bulkUpsert = await measureBulkUpsert(server.baseUrl, cast.busyRep.token);
      const result: SetResult = { scale, counts, generateSeconds, framework, scenarios: results, bulkUpsert };
      if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2));
    } finally {
      await server.stop();
    }
  } finally {
    const { closeDatabase } = await import("../../lib/db/client");
    await closeDatabase();
    await client.end();
    await database.drop();
  }
}

/** The server as production runs it, minus limits that would throttle a load generator. */
function benchServerEnv(): Record<string, string> {
  // This process counts statements (EXPOSE_QUERY_COUNT above) to capture them; the server must
  // not inherit it: Prisma's query events and a per-request async context are test tooling,
  // not what production pays.
  return {
    RATE_LIMIT_API: "0",
    RATE_LIMIT_AUTH: "0",
    RATE_LIMIT_SIGNIN_LOCK_AFTER: "0",
    RATE_LIMIT_SIGNIN_IP_FAILURES: "0",
    EXPOSE_QUERY_COUNT: "false",
  };
}

/** Tokens for the people the scenarios act as, issued directly (no password hashing per user). */
async function castFor(client: pg.Client, who: ReturnType<typeof roles>): Promise<Cast> {
  const { loadActorByUserId } = await import("../../lib/auth/actor");
  const { issueTokenPair } = await import("../../lib/auth/tokens");
  const person = async (userId: number, chatId?: number): Promise<Person> => {
    const actor = await loadActorByUserId(userId);
    if (!actor) throw new Error(`user ${userId} missing from the data set`);
    const { access } = await issueTokenPair(actor);
    return { userId, token: access, actor, chatId };
  };
  // Buyers 2… each have a chat with the busy company (see dataset.ts); those are the senders.
  const senders = await client.query<{ id: number; buyer_id: number }>(
    `SELECT id, buyer_id FROM chats WHERE company_id = $1 AND buyer_id > 1 AND is_active ORDER BY buyer_id LIMIT $2`,
    [who.busyCompanyId, SENDERS],
  );
  const buyers = await Promise.all(senders.rows.map((row) => person(row.buyer_id, row.id)));
  const longChat = await client.query<{ chat_id: number; middle: number }>(
    `SELECT chat_id, (min(id) + max(id)) / 2 AS middle FROM messages
     WHERE chat_id = (SELECT id FROM chats WHERE company_id = $1 ORDER BY id LIMIT 1) GROUP BY chat_id`,
    [who.busyCompanyId],
  );
  const long = longChat.rows[0];
  if (!long) throw new Error("no long chat in the data set");
  const busyRep = await person(who.representativeOf(who.busyCompanyId));
  const { createApiKey } = await import("../../lib/api-keys/create-api-key");
  const leadKey = await createApiKey(busyRep.actor, {
    name: "portal",
    scopes: ["leads:write"],
    companyId: who.busyCompanyId,
    expiresAt: null,
  });
  return {
    buyers,
    collector: await person(who.collectorBuyerId),
    busyRep,
    busyCompanyId: who.busyCompanyId,
    // The first listing of the busy company (dataset.ts numbers them by company).
    busyListingId: (who.busyCompanyId - 1) * LISTINGS_PER_COMPANY + 1,
    leadKey: leadKey.token,
    longChatId: long.chat_id,
    longChatMiddleId: Number(long.middle),
  };
}

/** A nightly sync's call, timed end to end over HTTP: five new batches, then each updated. */
async function measureBulkUpsert(
  baseUrl: string,
  token: string,
): Promise<{ createMs: number; updateMs: number }> {
  const batch = (round: number, price: number) => ({
    listings: Array.from({ length: 500 }, (_, n) => ({
      external_id: `bulk-${round}-${n}`,
      title: `Synced flat ${n}`,
      address: `${n} Sync Road`,
      price: { amount: price + n, currency: "EUR" },
      attributes: { bedrooms: 1 + (n % 4) },
    })),
  });
  const timed = async (body: unknown) => {
    const started = performance.now();
    const answer = await fetch(new URL("/api/v1/company/listings", baseUrl), {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (answer.status !== 200)
      throw new Error(`bulk upsert answered ${answer.status}: ${await answer.text()}`);
    await answer.arrayBuffer();
    return performance.now() - started;
  };
  const create: number[] = [];
  const update: number[] = [];
  for (let round = 0; round < 5; round++) create.push(await timed(batch(round, 200_000)));
  for (let round = 0; round < 5; round++) update.push(await timed(batch(round, 300_000)));
  return { createMs: percentile(create, 50), updateMs: percentile(update, 50) };
}

await main();
