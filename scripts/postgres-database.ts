// A throw-away PostgreSQL database for tests and benchmarks: created, migrated, dropped.
import pg from "pg";
import { applyPendingMigrations } from "../lib/db/migrate";

export type ThrowAwayDatabase = { url: string; drop(): Promise<void> };

export async function createPostgresDatabase(serverUrl: string, label: string): Promise<ThrowAwayDatabase> {
  const name = `estate_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyPendingMigrations({ postgresUrl: url.toString() });
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Whether a PostgreSQL server answers at `serverUrl` (within 3 s). */
export async function postgresReachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
