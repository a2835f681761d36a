import { PGlite } from "@electric-sql/pglite";
import type { MigrationTarget } from "../lib/db/migrate";
import { env } from "../lib/env";

/** The database the configuration points at, opened for migration from a script. */
export async function openMigrationTarget(): Promise<{
  target: MigrationTarget;
  describe: string;
  close(): Promise<void>;
}> {
  if (env.DATABASE_URL) {
    const safe = new URL(env.DATABASE_URL);
    safe.password = "";
    return { target: { postgresUrl: env.DATABASE_URL }, describe: safe.toString(), close: async () => {} };
  }
  const pglite = new PGlite(env.PGLITE_DIR);
  return { target: { pglite }, describe: env.PGLITE_DIR, close: () => pglite.close() };
}
