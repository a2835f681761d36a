// `npm test`: the whole suite, on both databases, in lanes that run side by side where they
// share nothing (a 2-core machine spends much of a test waiting on timers, streams and servers).
//
//   from the start, side by side:
//     lib          unit tests; lib/ integration tests on PGlite, then on PostgreSQL (each file
//                  with a database of its own, copied from a template migrated once)
//     CLI          the operator's scripts
//     build        next build; everything below waits for it
//   once built, side by side:
//     e2e          Playwright in Chromium against `next start` on PGlite
//     PGlite       one `next start` on PGlite, and the HTTP files whose behaviour can differ
//                  between the databases (HTTP_ON_BOTH_DATABASES)
//     PostgreSQL   two `next start` instances on one PostgreSQL database: every HTTP file, then
//                  realtime across the two instances
//     own servers  HTTP files that start servers of their own; webhooks and crash safety across
//                  restarts
//   once nothing else uses PostgreSQL: the 30-second sustained load, then the PostgreSQL restart
//   test (it stops the server under everything connected to it).
//
// Every process gets PASSWORD_HASH_COST=10 (a few ms a hash instead of 100+: the suite signs up
// about a thousand users) unless set; lib/auth/password.test.ts proves the production default.
// PostgreSQL comes from TEST_POSTGRES_URL (default: the local server). When it is unreachable the
// PostgreSQL half is skipped and the summary says so plainly, unless REQUIRE_POSTGRES=1 (CI),
// which makes it a failure. Ends with timings and the line "N passed, N failed".
//   npm test -- unit|lib|http|load|e2e   one part;   TEST_FILES=word,word   files whose path has a word
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium, MISSING_CHROMIUM_MESSAGE } from "../e2e/support/browser";
import { postgresReachable } from "./postgres-database";
import { root } from "./test/paths";
import { postgresControlCommands } from "./test/postgres-control";
import { note, printSummary, stage, totals } from "./test/report";
import { type CommandResult, runCommand } from "./test/run-command";
import { runTestFiles } from "./test/run-files";
import { createTemplates, scratch, type Templates } from "./test/templates";
import { type RunningServer, startServer } from "./test-server";

const adminEnv = { TEST_ADMIN_EMAIL: "admin@tests.example", TEST_ADMIN_PASSWORD: "admin-pass-for-tests" };
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const requirePostgres = process.env.REQUIRE_POSTGRES === "1";
const only = process.argv.slice(2);
const wants = (part: string) => only.length === 0 || only.includes(part);
// Matched against the path inside the checkout: a checkout in /tmp/openapi must not make
// TEST_FILES=openapi pick every file (and with them the PostgreSQL restart test).
const fileFilter = process.env.TEST_FILES?.split(",").filter(Boolean) ?? [];
const chosen = (files: string[]) =>
  fileFilter.length === 0
    ? files
    : files.filter((file) => fileFilter.some((word) => path.relative(root, file).includes(word)));

/**
 * HTTP files that also run against the PGlite server, because what they test goes through what
 * differs between the databases: the driver (pg or PGlite's in-process protocol), concurrency
 * (PGlite runs one statement at a time), LISTEN/NOTIFY, and the worker's claims. Everything else
 * (validation, authorization matrices, headers, documents) is the same code on either side; it
 * runs once, on PostgreSQL, and lib/ tests cover both databases underneath.
 */
const HTTP_ON_BOTH_DATABASES = [
  "v1-chat-flow", // lists, pages and cursors: the hand-written statements through each driver
  "v1-concurrency", // races: get-or-create, idempotent sends
  "idempotency", // the key store's unique violations and in-flight rows
  "v1-events", // live delivery: PGlite's in-process listen vs LISTEN/NOTIFY
  "webhooks", // the sender's claims, leases and retries
  "hostile-text", // stored text at the edges (NUL, surrogates) through each driver
  "stream-access", // access changes reaching open streams: PGlite's listen vs NOTIFY across instances
  "listings-leads", // a lead's one transaction (contact, chat, message, events) and its all-or-nothing
  "routing", // assignment statements under concurrency: the capacity check and the settings lock
];

const testFiles = (dir: string) => {
  const full = path.join(root, "tests", dir);
  return execFileSync("find", [full, "-name", "*.test.ts"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .sort();
};
const realtimeTest = (name: string) => path.join(root, "tests", "realtime", `${name}.test.ts`);
/** A file that starts `next start` itself cannot share the lanes' servers. */
const startsOwnServers = (file: string) => readFileSync(file, "utf8").includes("startServer(");

const serverEnv = {
  ADMIN_EMAIL: adminEnv.TEST_ADMIN_EMAIL,
  ADMIN_PASSWORD: adminEnv.TEST_ADMIN_PASSWORD,
  SEED_DEMO: "false",
  // X-Db-Queries on every API answer, for tests/http/query-count.test.ts.
  EXPOSE_QUERY_COUNT: "1",
};
const POSTGRES_SECRET = "test-secret-that-is-long-enough-for-hs256";

async function main(): Promise<void> {
  process.env.PASSWORD_HASH_COST ??= "10";
  const havePostgres = await postgresReachable(postgresUrl);
  if (!havePostgres && requirePostgres)
    throw new Error(`PostgreSQL is required but not reachable at ${postgresUrl}`);
  if (!havePostgres && (wants("lib") || wants("http") || wants("load"))) {
    note(`The PostgreSQL half did NOT run: no server at ${postgresUrl} (set TEST_POSTGRES_URL).`);
  }
  const chromium = wants("e2e") ? findChromium() : null;
  if (wants("e2e") && !chromium) {
    console.error(`\n${MISSING_CHROMIUM_MESSAGE}\n`);
    note(`The e2e part did NOT run. ${MISSING_CHROMIUM_MESSAGE}`);
    totals.failed += 1;
  }
  const needsBuild = wants("http") || (wants("e2e") && chromium !== null) || wants("load");
  const templates = await createTemplates(havePostgres ? postgresUrl : null);
  try {
    const built = needsBuild ? buildLane() : Promise.resolve();
    // PostgreSQL is restarted last, once nothing else uses it: these, the HTTP lanes, the load.
    const otherPostgresUsers = Promise.all([libLane(templates, havePostgres), cliLane()]);
    await Promise.all([
      otherPostgresUsers,
      built.then(() => e2eLane(templates, chromium)),
      built.then(() => serverLanes(templates, havePostgres, otherPostgresUsers)),
    ]);
  } finally {
    await templates.drop();
  }
}

/** The HTTP lanes on their shared servers, then the load and the PostgreSQL restart. */
async function serverLanes(
  templates: Templates,
  havePostgres: boolean,
  otherPostgresUsers: Promise<unknown>,
) {
  if (!wants("http")) {
    await otherPostgresUsers;
    return loadLane(havePostgres);
  }
  const [pgliteServer, postgresServers] = await Promise.all([
    serverOnPglite(templates),
    havePostgres ? serversOnPostgres(templates) : null,
  ]);
  try {
    await Promise.all([
      pgliteLane(pgliteServer, havePostgres),
      postgresServers ? postgresLane(postgresServers) : null,
      ownServersLane(templates, sharedServerEnv(pgliteServer, postgresServers), havePostgres),
    ]);
    await otherPostgresUsers;
    await loadLane(havePostgres);
    if (postgresServers) await restartLane(postgresServers);
  } finally {
    await Promise.all([pgliteServer.stop(), postgresServers?.stop()]);
  }
}

async function libLane(templates: Templates, havePostgres: boolean): Promise<void> {
  if (wants("unit")) {
    // Pure logic with its tests beside it (STYLE.md): no database, no server.
    const beside = execFileSync(
      "find",
      ["lib", "components", "-name", "*.test.ts", "-not", "-path", "*/generated/*"],
      { cwd: root, encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .map((file) => path.join(root, file))
      .sort();
    await files("unit", chosen(beside), {}, 2);
  }
  if (!wants("lib")) return;
  const lib = chosen(testFiles("lib"));
  await files("lib on PGlite", lib, { TEST_PGLITE_TEMPLATE: templates.pglite }, 2);
  if (havePostgres) {
    await stage("lib on PostgreSQL", () =>
      runTestFiles({
        stage: "lib on PostgreSQL",
        files: lib,
        concurrency: 2,
        // A database per file, so files run side by side and no file sees another's rows.
        perFile: async () => {
          const database = await templates.newPostgresDatabase("lib");
          return { env: { DATABASE_URL: database.url }, release: database.drop };
        },
      }),
    );
  }
}

/** The operator's scripts as separate processes: their own lane, they mostly wait on processes. */
async function cliLane(): Promise<void> {
  if (wants("lib")) await files("operator scripts", chosen(testFiles("cli")), {}, 1);
}

function files(name: string, list: string[], env: Record<string, string>, concurrency: number) {
  if (list.length === 0) return Promise.resolve();
  return stage(name, () => runTestFiles({ stage: name, files: list, env, concurrency }));
}

async function buildLane(): Promise<void> {
  await stage("next build", async () => {
    const result: CommandResult = await runCommand("npx", ["next", "build"], {
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (!result.ok) {
      console.log(result.output);
      throw new Error("next build failed");
    }
    return { passed: 0, failed: 0 };
  });
}

async function serverOnPglite(templates: Templates): Promise<RunningServer & { dataDir: string }> {
  const dataDir = path.join(scratch, "http-pglite");
  const server = await startServer({
    DATA_DIR: dataDir,
    ...serverEnv,
    TEST_PGLITE_TEMPLATE: templates.pglite,
  });
  return { ...server, dataDir };
}

type PostgresServers = { first: RunningServer; second: RunningServer; stop(): Promise<void> };

/** Two instances on one database, as behind a load balancer. */
async function serversOnPostgres(templates: Templates): Promise<PostgresServers> {
  const database = await templates.newPostgresDatabase("http");
  const env = { DATABASE_URL: database.url, AUTH_SECRET: POSTGRES_SECRET, ...serverEnv };
  // One after the other: each prepares the database (the admin account) before it serves.
  const first = await startServer(env);
  const second = await startServer(env);
  return {
    first,
    second,
    stop: async () => {
      await Promise.all([first.stop(), second.stop()]);
      await database.drop();
    },
  };
}

const sharedServerFiles = () => chosen(testFiles("http")).filter((file) => !startsOwnServers(file));

/** What a test needs to use a lane's server: its URL, the admin account, the token secret. */
function pgliteServerEnv(server: RunningServer & { dataDir: string }): Record<string, string> {
  // The generated secret, so tests can sign tokens that are expired yet signed right.
  const secretFile = path.join(server.dataDir, "auth-secret");
  return { TEST_BASE_URL: server.baseUrl, TEST_AUTH_SECRET_FILE: secretFile, ...adminEnv };
}

/** Both instances: files that test what crosses instances use the second one too. */
function postgresServerEnv(servers: PostgresServers): Record<string, string> {
  return {
    TEST_BASE_URL: servers.first.baseUrl,
    TEST_SECOND_BASE_URL: servers.second.baseUrl,
    TEST_AUTH_SECRET: POSTGRES_SECRET,
    ...adminEnv,
  };
}

const sharedServerEnv = (pglite: RunningServer & { dataDir: string }, postgres: PostgresServers | null) =>
  postgres ? postgresServerEnv(postgres) : pgliteServerEnv(pglite);

async function pgliteLane(server: RunningServer & { dataDir: string }, havePostgres: boolean): Promise<void> {
  // Without PostgreSQL this is the only lane with a shared server: every file runs here.
  const all = sharedServerFiles();
  const both = all.filter((file) => HTTP_ON_BOTH_DATABASES.includes(path.basename(file, ".test.ts")));
  await files("HTTP on PGlite", havePostgres ? both : all, pgliteServerEnv(server), 2);
}

async function postgresLane(servers: PostgresServers): Promise<void> {
  const env = postgresServerEnv(servers);
  // Three at a time: two instances and PostgreSQL's own processes serve them.
  await files("HTTP on PostgreSQL", sharedServerFiles(), env, 3);
  await files("realtime across two instances", chosen([realtimeTest("multi-instance")]), env, 1);
}

async function ownServersLane(templates: Templates, shared: Record<string, string>, havePostgres: boolean) {
  const own = chosen(testFiles("http")).filter(startsOwnServers);
  // Some of them also ask the shared server what needs no special settings.
  const env = { ...shared, TEST_PGLITE_TEMPLATE: templates.pglite };
  await files("HTTP with servers of their own", own, env, 2);
  // Restarts its servers on one embedded database; once per run is enough.
  await files("webhooks across a server restart", chosen([realtimeTest("webhooks-restart")]), env, 1);
  // Kills its own server with SIGKILL and starts it again: on a PGlite data directory, then on
  // a fresh PostgreSQL database.
  const crash = chosen([realtimeTest("crash-safety")]);
  await files("crash safety on PGlite", crash, env, 1);
  if (havePostgres && crash.length) {
    await stage("crash safety on PostgreSQL", () =>
      runTestFiles({
        stage: "crash safety on PostgreSQL",
        files: crash,
        env,
        perFile: async () => {
          const database = await templates.newPostgresDatabase("crash");
          return { env: { TEST_CRASH_DATABASE_URL: database.url }, release: database.drop };
        },
      }),
    );
  }
}

/** Last on PostgreSQL: it restarts the server under everything connected to it. */
async function restartLane(servers: PostgresServers): Promise<void> {
  const restart = chosen([realtimeTest("postgres-restart")]);
  if (restart.length === 0) return;
  const control = postgresControlCommands(postgresUrl);
  if (!control) {
    note("The PostgreSQL restart test did NOT run: no local pg_ctlcluster cluster to restart.");
    return;
  }
  await files(
    "realtime across a PostgreSQL restart",
    restart,
    {
      TEST_BASE_URL: servers.first.baseUrl,
      TEST_PG_RESTART: control.restart,
      TEST_PG_STOP: control.stop,
      TEST_PG_START: control.start,
      ...adminEnv,
    },
    1,
  );
}

/**
 * The CI version of `npm run load`: 30 s and 60 users (48 buyers, 12 representatives) rather
 * than 5 minutes and 200. One test: it passes with no 5xx and nothing lost or duplicated.
 */
async function loadLane(havePostgres: boolean): Promise<void> {
  // With TEST_FILES, only when named: a run focused on a few files needs no 30-s load.
  if (!wants("load") || (fileFilter.length > 0 && !fileFilter.includes("load"))) return;
  const database = havePostgres ? "postgres" : "pglite";
  await stage(`sustained load, 30 s (${database})`, async () => {
    const args = ["--import", "tsx", "scripts/load/main.ts", "--duration", "30", "--users", "60"];
    const result = await runCommand(process.execPath, [...args, "--database", database]);
    console.log(result.output);
    return result.ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  });
}

async function e2eLane(templates: Templates, chromium: unknown): Promise<void> {
  if (!wants("e2e") || !chromium) return;
  if (fileFilter.length > 0 && chosen(specFiles()).length === 0) return;
  await stage("e2e (Playwright, Chromium)", async () => {
    const server = await startServer({
      DATA_DIR: path.join(scratch, "e2e-data"),
      ...serverEnv,
      TEST_PGLITE_TEMPLATE: templates.pglite,
    });
    try {
      return await runPlaywright(server.baseUrl);
    } finally {
      await server.stop();
    }
  });
}

const specFiles = () =>
  execFileSync("find", [path.join(root, "e2e"), "-name", "*.spec.ts"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);

/** Runs Playwright against a running server and counts from its JSON report. */
async function runPlaywright(baseUrl: string): Promise<{ passed: number; failed: number }> {
  const report = path.join(scratch, "e2e.json");
  // Playwright matches its arguments against absolute paths: name the chosen specs instead.
  const specs = fileFilter.length === 0 ? [] : chosen(specFiles()).map((file) => path.relative(root, file));
  const result = await runCommand("npx", ["playwright", "test", ...specs], {
    env: {
      E2E_BASE_URL: baseUrl,
      E2E_ADMIN_EMAIL: adminEnv.TEST_ADMIN_EMAIL,
      E2E_ADMIN_PASSWORD: adminEnv.TEST_ADMIN_PASSWORD,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    },
  });
  console.log(result.output);
  type Stats = { expected: number; unexpected: number; flaky: number };
  let json: { stats?: Stats; errors?: unknown[] } | undefined;
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    json = undefined;
  }
  // A flaky pass still counts as a failure (retries are off, so there are none), and so do
  // errors outside any test (a broken config or a spec that does not load).
  const passed = json?.stats ? json.stats.expected : 0;
  const failed = json?.stats ? json.stats.unexpected + json.stats.flaky + (json.errors?.length ?? 0) : 1;
  console.log("(report: playwright-report/, artifacts: test-results/)");
  return { passed, failed };
}

let crashed = false;
try {
  await main();
} catch (error) {
  crashed = true;
  console.error(error);
}
rmSync(scratch, { recursive: true, force: true });
printSummary();
process.exit(crashed || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
