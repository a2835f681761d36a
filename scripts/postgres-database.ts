// A throw-away PostgreSQL database for tests and benchmarks: created, migrated, dropped.
// Within `npm test`, TEST_POSTGRES_TEMPLATE names a database the runner migrated once; new
// databases are then copies of it (CREATE DATABASE … TEMPLATE), a fraction of a second instead
// of replaying every migration.
import pg from "pg";
import { applyPendingMigrations } from "../lib/db/migrate";

export type ThrowAwayDatabase = { url: string; drop(): Promise<void> };

let sequence = 0;

export async function createPostgresDatabase(
  serverUrl: string,
  label: string,
  /** A migrated database to copy; null: migrate this one. */
  template: string | null = process.env.TEST_POSTGRES_TEMPLATE ?? null,
): Promise<ThrowAwayDatabase> {
  sequence += 1;
  const name = `estate_${label}_${process.pid}_${sequence}_${Date.now().toString(36)}`;
  await withClient(serverUrl, (client) => createDatabase(client, name, template));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (!template) await applyPendingMigrations({ postgresUrl: url.toString() });
  return {
    url: url.toString(),
    drop: () => dropPostgresDatabase(serverUrl, name),
  };
}

export function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  return withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

async function createDatabase(client: pg.Client, name: string, template: string | null) {
  if (!template) return void (await client.query(`CREATE DATABASE "${name}"`));
  // Copying refuses while another copy of the same template starts (55006, "being accessed by
  // other users"); files of the suite create theirs at the same moment, so wait and retry.
  for (let attempt = 1; ; attempt++) {
    try {
      return void (await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

async function withClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
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
