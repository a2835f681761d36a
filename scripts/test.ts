// `npm test`: the whole suite, on both databases.
//   1. lib/ integration tests on embedded PGlite, then on PostgreSQL (a database made for this run);
//   2. a production build, then the HTTP tests against `next start`, on PGlite and on PostgreSQL.
// PostgreSQL comes from TEST_POSTGRES_URL (default: the local server). When it is unreachable the
// PostgreSQL half is skipped and the summary says so plainly, unless REQUIRE_POSTGRES=1 (CI),
// which makes it a failure. Ends with the line "N passed, N failed".
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyPendingMigrations } from "../lib/db/migrate";
import { startServer } from "./test-server";

const root = path.resolve(import.meta.dirname, "..");
const adminEnv = { TEST_ADMIN_EMAIL: "admin@tests.example", TEST_ADMIN_PASSWORD: "admin-pass-for-tests" };
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const requirePostgres = process.env.REQUIRE_POSTGRES === "1";
const only = process.argv.slice(2); // optional: "lib", "http" to run a part
const wants = (part: string) => only.length === 0 || only.includes(part);

const totals = { passed: 0, failed: 0 };
const notes: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "estate-chat-test-"));

function runNodeTests(label: string, files: string[], env: Record<string, string>, concurrency = 1): void {
  if (files.length === 0) return;
  console.log(`\n=== ${label} (${files.length} files) ===`);
  const tap = path.join(scratch, `${label.replace(/\W+/g, "-")}.tap`);
  try {
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--test",
        `--test-concurrency=${concurrency}`,
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        `--test-reporter-destination=${tap}`,
        ...files,
      ],
      { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
    );
  } catch {
    // Failures are counted from the report below; a crash without a report counts as one.
  }
  const report = existsSync(tap) ? readFileSync(tap, "utf8") : "";
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(report)?.[1] ?? 0);
  const passed = count("pass");
  const failed = count("fail") + count("cancelled") || (report ? 0 : 1);
  totals.passed += passed;
  totals.failed += failed;
  console.log(`--- ${label}: ${passed} passed, ${failed} failed`);
}

const testFiles = (dir: string) => {
  const full = path.join(root, "tests", dir);
  if (!existsSync(full)) return [];
  return execFileSync("find", [full, "-name", "*.test.ts"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .sort();
};

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new PostgreSQL database for this run, migrated; dropped by the returned function. */
async function createPostgresDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `estate_test_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  await applyPendingMigrations({ postgresUrl: url.toString() });
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main() {
  const havePostgres = await postgresReachable();
  if (!havePostgres && requirePostgres)
    throw new Error(`PostgreSQL is required but not reachable at ${postgresUrl}`);

  if (wants("lib")) {
    // Migrate once into a template directory; each test file starts from a copy of it.
    const template = path.join(scratch, "pglite-template");
    const pglite = new PGlite(template);
    await applyPendingMigrations({ pglite });
    await pglite.close();
    runNodeTests("lib on PGlite", testFiles("lib"), { TEST_PGLITE_TEMPLATE: template });
    runNodeTests("operator scripts", testFiles("cli"), {});
    if (havePostgres) {
      const database = await createPostgresDatabase("lib");
      try {
        runNodeTests("lib on PostgreSQL", testFiles("lib"), { DATABASE_URL: database.url });
      } finally {
        await database.drop();
      }
    }
  }

  if (wants("http")) {
    console.log("\n=== next build ===");
    execFileSync("npx", ["next", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const http = testFiles("http");
    const embedded = await startServer({ DATA_DIR: path.join(scratch, "http-data"), ...adminServerEnv() });
    try {
      runNodeTests("HTTP on PGlite", http, { TEST_BASE_URL: embedded.baseUrl, ...adminEnv }, 2);
    } finally {
      await embedded.stop();
    }
    if (havePostgres) {
      const database = await createPostgresDatabase("http");
      const server = await startServer({
        DATABASE_URL: database.url,
        AUTH_SECRET: "test-secret-that-is-long-enough-for-hs256",
        ...adminServerEnv(),
      });
      try {
        runNodeTests("HTTP on PostgreSQL", http, { TEST_BASE_URL: server.baseUrl, ...adminEnv }, 2);
      } finally {
        await server.stop();
        await database.drop();
      }
    }
  }

  if (!havePostgres) {
    notes.push(`The PostgreSQL half did NOT run: no server at ${postgresUrl} (set TEST_POSTGRES_URL).`);
  }
}

function adminServerEnv() {
  return {
    ADMIN_EMAIL: adminEnv.TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: adminEnv.TEST_ADMIN_PASSWORD,
    SEED_DEMO: "false",
  };
}

let crashed = false;
try {
  await main();
} catch (error) {
  crashed = true;
  console.error(error);
}
rmSync(scratch, { recursive: true, force: true });
for (const note of notes) console.log(`\nNOTE: ${note}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(crashed || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
