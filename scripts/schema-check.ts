import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { db } from "../lib/db/client";
import { MIGRATIONS_DIR } from "../lib/db/schema-engine";
import { env } from "../lib/env";

/** Migrations in prisma/migrations that the database has not finished applying. */
async function findPendingMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const local = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const [table] = await db().$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return local.sort();
  const applied = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return local.filter((name) => !done.has(name)).sort();
}

/**
 * Refuses to go on against a database whose schema is not the code's. With PostgreSQL,
 * migrations are the operator's step (`npm run db:deploy`), never a side effect of starting.
 */
export async function assertSchemaDeployed(): Promise<void> {
  // Opening PGlite on a missing directory would silently create an empty database.
  if (env.embedded && !existsSync(env.PGLITE_DIR)) {
    throw new Error(
      `No embedded database at ${env.PGLITE_DIR}. Start the app once (npm start) or run npm run db:deploy.`,
    );
  }
  const pending = await findPendingMigrations();
  if (pending.length > 0) {
    throw new Error(
      `The database schema is not up to date: ${pending.length} migration(s) not applied (${pending.join(", ")}).\n` +
        "Run `npm run db:deploy` with the same DATABASE_URL, then start again.",
    );
  }
}
