// The server a load run talks to: one it starts (`next start`, built if stale) on a database of
// its own, a fresh PostgreSQL database (dropped afterwards) or PGlite in a temporary directory;
// or one already running (--base-url), left as it is.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIsStale } from "../build-freshness";
import { createPostgresDatabase, postgresReachable } from "../postgres-database";
import { startServer } from "../test-server";

export const LOAD_ADMIN = { email: "load-admin@example.test", password: "load-admin-password-long" };
const root = path.resolve(import.meta.dirname, "../..");
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type Target = { baseUrl: string; database: string; admin: typeof LOAD_ADMIN; stop(): Promise<void> };

/** Whether the PostgreSQL server the load would use answers. */
export const serverReachable = () => postgresReachable(postgresUrl);

export async function startTarget(database: "postgres" | "pglite"): Promise<Target> {
  if (buildIsStale()) {
    execFileSync("npx", ["next", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const env = {
    AUTH_SECRET: "load-secret-that-is-long-enough-for-hs256",
    ADMIN_EMAIL: LOAD_ADMIN.email,
    ADMIN_PASSWORD: LOAD_ADMIN.password,
    SEED_DEMO: "false",
    // Hundreds of people behind one address (this script): not what the limits are for.
    RATE_LIMIT_API: "0",
    RATE_LIMIT_AUTH: "0",
    RATE_LIMIT_SIGNIN_LOCK_AFTER: "0",
    RATE_LIMIT_SIGNIN_IP_FAILURES: "0",
  };
  if (database === "postgres") {
    const db = await createPostgresDatabase(postgresUrl, "load");
    const server = await startServer({ ...env, DATABASE_URL: db.url }).catch(async (error) => {
      await db.drop();
      throw error;
    });
    return {
      baseUrl: server.baseUrl,
      database: `PostgreSQL (fresh database on ${new URL(postgresUrl).host})`,
      admin: LOAD_ADMIN,
      stop: async () => {
        await server.stop();
        await db.drop();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "estate-load-"));
  const server = await startServer({ ...env, DATA_DIR: dataDir });
  return {
    baseUrl: server.baseUrl,
    database: "PGlite (temporary directory)",
    admin: LOAD_ADMIN,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
