// `npm test`: the whole suite, on both databases.
//   1. lib/ integration tests on embedded PGlite, then on PostgreSQL (a database made for this run);
//   2. a production build, then the HTTP tests against `next start`, on PGlite and on PostgreSQL;
//   3. a 30-second sustained load (`npm run load`, scripts/load/) on PostgreSQL (PGlite without
//      it), counted as one test: it passes with no 5xx and no lost or duplicated message;
//   4. the end-to-end tests (e2e/, Playwright with Chromium) against `next start` on a fresh PGlite.
// PostgreSQL comes from TEST_POSTGRES_URL (default: the local server). When it is unreachable the
// PostgreSQL half is skipped and the summary says so plainly, unless REQUIRE_POSTGRES=1 (CI),
// which makes it a failure. Ends with the line "N passed, N failed".
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { findChromium, MISSING_CHROMIUM_MESSAGE } from "../e2e/support/browser";
import { applyPendingMigrations } from "../lib/db/migrate";
import { createPostgresDatabase, postgresReachable } from "./postgres-database";
import { startServer } from "./test-server";

const root = path.resolve(import.meta.dirname, "..");
const adminEnv = { TEST_ADMIN_EMAIL: "admin@tests.example", TEST_ADMIN_PASSWORD: "admin-pass-for-tests" };
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const requirePostgres = process.env.REQUIRE_POSTGRES === "1";
const only = process.argv.slice(2); // optional: "unit", "lib", "http", "load", "e2e" to run a part
const wants = (part: string) => only.length === 0 || only.includes(part);
// TEST_FILES=api-keys,webhooks runs only the test files whose path contains one of these words
// (while working on one feature; the PostgreSQL restart test then runs only if named).
const fileFilter = process.env.TEST_FILES?.split(",").filter(Boolean) ?? [];
// Matched against the path inside the checkout: a checkout in /tmp/openapi must not make
// TEST_FILES=openapi pick every file (and with them the PostgreSQL restart test).
const chosen = (files: string[]) =>
  fileFilter.length === 0
    ? files
    : files.filter((file) => fileFilter.some((word) => path.relative(root, file).includes(word)));

const totals = { passed: 0, failed: 0 };
const notes: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "estate-chat-test-"));

function runNodeTests(label: string, all: string[], env: Record<string, string>, concurrency = 1): void {
  const files = chosen(all);
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

/**
 * The CI version of `npm run load`: 30 s and 60 users (48 buyers, 12 representatives) rather
 * than 5 minutes and 200, so a 2-core machine keeps up and the suite stays short. One test.
 */
function runLoad(database: "postgres" | "pglite"): void {
  console.log(`\n=== sustained load, 30 s (${database}) ===`);
  let passed = true;
  try {
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/load/main.ts",
        "--duration",
        "30",
        "--users",
        "60",
        "--database",
        database,
      ],
      { cwd: root, stdio: "inherit" },
    );
  } catch {
    passed = false; // the script exits 1 on a 5xx, a lost or a duplicated message, or a crash
  }
  totals[passed ? "passed" : "failed"] += 1;
  console.log(`--- load: ${passed ? "1 passed, 0 failed" : "0 passed, 1 failed"}`);
}

/** Runs Playwright against a running server and adds its counts from the JSON report. */
function runPlaywright(baseUrl: string): void {
  console.log("\n=== e2e (Playwright, Chromium) ===");
  const report = path.join(scratch, "e2e.json");
  try {
    execFileSync("npx", ["playwright", "test", ...fileFilter], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_ADMIN_EMAIL: adminEnv.TEST_ADMIN_EMAIL,
        E2E_ADMIN_PASSWORD: adminEnv.TEST_ADMIN_PASSWORD,
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
    });
  } catch {
    // Failures are counted from the report below; a crash without a report counts as one.
  }
  type Stats = { expected: number; unexpected: number; flaky: number };
  const json = existsSync(report)
    ? (JSON.parse(readFileSync(report, "utf8")) as { stats?: Stats; errors?: unknown[] })
    : undefined;
  const passed = json?.stats ? json.stats.expected : 0;
  // A flaky pass still counts as a failure (retries are off, so there are none), and so do
  // errors outside any test (a broken config or a spec that does not load).
  const failed = json?.stats ? json.stats.unexpected + json.stats.flaky + (json.errors?.length ?? 0) : 1;
  totals.passed += passed;
  totals.failed += failed;
  console.log(
    `--- e2e: ${passed} passed, ${failed} failed (report: playwright-report/, artifacts: test-results/)`,
  );
}

const realtimeTest = (name: string) => path.join(root, "tests", "realtime", `${name}.test.ts`);

/**
 * How to restart, stop and start the PostgreSQL server the tests use, when that is ours to do: a
 * Debian cluster on this machine (as CI's machines have) serving the test URL on localhost.
 * Elsewhere, null.
 */
function postgresControlCommands(): { restart: string; stop: string; start: string } | null {
  if (!["127.0.0.1", "localhost"].includes(new URL(postgresUrl).hostname)) return null;
  try {
    const clusters = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
    const port = new URL(postgresUrl).port || "5432";
    const cluster = clusters
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .find((fields) => fields[2] === port && fields[3] === "online");
    if (!cluster) return null;
    const control = `pg_ctlcluster --skip-systemctl-redirect ${cluster[0]} ${cluster[1]}`;
    return { restart: `${control} restart`, stop: `${control} stop`, start: `${control} start` };
  } catch {
    return null;
  }
}

const testFiles = (dir: string) => {
  const full = path.join(root, "tests", dir);
  if (!existsSync(full)) return [];
  return execFileSync("find", [full, "-name", "*.test.ts"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .sort();
};

/** A new PostgreSQL database for this run, migrated; dropped by the returned function. */
const createTestDatabase = (label: string) => createPostgresDatabase(postgresUrl, `test_${label}`);

async function main() {
  const havePostgres = await postgresReachable(postgresUrl);
  if (!havePostgres && requirePostgres)
    throw new Error(`PostgreSQL is required but not reachable at ${postgresUrl}`);

  if (wants("unit")) {
    // Pure logic with its tests beside it (STYLE.md): no database, no server.
    const beside = execFileSync(
      "find",
      ["lib", "components", "-name", "*.test.ts", "-not", "-path", "*/generated/*"],
      {
        cwd: root,
        encoding: "utf8",
      },
    )
      .split("\n")
      .filter(Boolean)
      .sort();
    runNodeTests("unit", beside, {});
  }

  if (wants("lib")) {
    // Migrate once into a template directory; each test file starts from a copy of it.
    const template = path.join(scratch, "pglite-template");
    const pglite = new PGlite(template);
    await applyPendingMigrations({ pglite });
    await pglite.close();
    runNodeTests("lib on PGlite", testFiles("lib"), { TEST_PGLITE_TEMPLATE: template });
    runNodeTests("operator scripts", testFiles("cli"), {});
    if (havePostgres) {
      const database = await createTestDatabase("lib");
      try {
        runNodeTests("lib on PostgreSQL", testFiles("lib"), { DATABASE_URL: database.url });
      } finally {
        await database.drop();
      }
    }
  }

  // Found before the build, so a machine without a browser learns it in seconds.
  const chromium = wants("e2e") ? findChromium() : null;
  if (wants("e2e") && !chromium) {
    console.error(`\n${MISSING_CHROMIUM_MESSAGE}\n`);
    notes.push(`The e2e part did NOT run. ${MISSING_CHROMIUM_MESSAGE}`);
    totals.failed += 1;
  }

  if (wants("http") || (wants("e2e") && chromium)) {
    console.log("\n=== next build ===");
    execFileSync("npx", ["next", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }

  if (wants("http")) {
    const http = testFiles("http");
    const dataDir = path.join(scratch, "http-data");
    const embedded = await startServer({ DATA_DIR: dataDir, ...testServerEnv() });
    try {
      // The generated secret, so tests can sign tokens that are expired yet signed right.
      const secretEnv = { TEST_AUTH_SECRET_FILE: path.join(dataDir, "auth-secret") };
      runNodeTests("HTTP on PGlite", http, { TEST_BASE_URL: embedded.baseUrl, ...adminEnv, ...secretEnv }, 2);
    } finally {
      await embedded.stop();
    }
    // Starts and stops servers of its own on its own embedded database: once per run is enough.
    runNodeTests("webhooks across a server restart", [realtimeTest("webhooks-restart")], adminEnv);
    // Kills its own server with SIGKILL and starts it again: here on a PGlite data directory,
    // below on a fresh PostgreSQL database.
    runNodeTests("crash safety on PGlite", [realtimeTest("crash-safety")], adminEnv);
    if (havePostgres && chosen([realtimeTest("crash-safety")]).length > 0) {
      const database = await createTestDatabase("crash");
      try {
        runNodeTests("crash safety on PostgreSQL", [realtimeTest("crash-safety")], {
          TEST_CRASH_DATABASE_URL: database.url,
          ...adminEnv,
        });
      } finally {
        await database.drop();
      }
    }
    if (havePostgres) {
      const database = await createTestDatabase("http");
      const serverEnv = {
        DATABASE_URL: database.url,
        AUTH_SECRET: "test-secret-that-is-long-enough-for-hs256",
        ...testServerEnv(),
      };
      // Two instances on one database, as behind a load balancer.
      const server = await startServer(serverEnv);
      const second = await startServer(serverEnv);
      try {
        runNodeTests(
          "HTTP on PostgreSQL",
          http,
          { TEST_BASE_URL: server.baseUrl, TEST_AUTH_SECRET: serverEnv.AUTH_SECRET, ...adminEnv },
          2,
        );
        runNodeTests("realtime across two instances", [realtimeTest("multi-instance")], {
          TEST_BASE_URL: server.baseUrl,
          TEST_SECOND_BASE_URL: second.baseUrl,
          ...adminEnv,
        });
        // Last, alone: it restarts the PostgreSQL server under everything connected to it.
        const control = postgresControlCommands();
        if (chosen([realtimeTest("postgres-restart")]).length === 0) {
          // Not asked for (TEST_FILES names other files).
        } else if (control) {
          runNodeTests("realtime across a PostgreSQL restart", [realtimeTest("postgres-restart")], {
            TEST_BASE_URL: server.baseUrl,
            TEST_PG_RESTART: control.restart,
            TEST_PG_STOP: control.stop,
            TEST_PG_START: control.start,
            ...adminEnv,
          });
        } else {
          notes.push("The PostgreSQL restart test did NOT run: no local pg_ctlcluster cluster to restart.");
        }
      } finally {
        await Promise.all([server.stop(), second.stop()]);
        await database.drop();
      }
    }
  }

  // With TEST_FILES, only when named: a run focused on a few files needs no 30-s load.
  if (wants("load") && (fileFilter.length === 0 || fileFilter.includes("load"))) {
    runLoad(havePostgres ? "postgres" : "pglite");
  }

  if (wants("e2e") && chromium) {
    const server = await startServer({ DATA_DIR: path.join(scratch, "e2e-data"), ...testServerEnv() });
    try {
      runPlaywright(server.baseUrl);
    } finally {
      await server.stop();
    }
  }

  if (!havePostgres && (wants("lib") || wants("http"))) {
    notes.push(`The PostgreSQL half did NOT run: no server at ${postgresUrl} (set TEST_POSTGRES_URL).`);
  }
}

function testServerEnv() {
  return {
    ADMIN_EMAIL: adminEnv.TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: adminEnv.TEST_ADMIN_PASSWORD,
    SEED_DEMO: "false",
    // X-Db-Queries on every API answer, for tests/http/query-count.test.ts.
    EXPOSE_QUERY_COUNT: "1",
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
