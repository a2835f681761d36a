// Databases migrated once per run, copied for every test file and server that needs a fresh
// one: a copy takes a fraction of a second, replaying the migrations several.
//   PGlite: a data directory; lib tests copy it (TEST_PGLITE_TEMPLATE, tests/support/database.ts)
//           and so do test servers on a new data directory (scripts/test-server.ts).
//   PostgreSQL: a database, the template of every database the run creates
//           (TEST_POSTGRES_TEMPLATE, scripts/postgres-database.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyPendingMigrations } from "../../lib/db/migrate";
import { createPostgresDatabase, dropPostgresDatabase, type ThrowAwayDatabase } from "../postgres-database";

/** Everything the run writes outside test-results/; removed at the end. */
export const scratch = mkdtempSync(path.join(tmpdir(), "estate-chat-test-"));

export type Templates = {
  pglite: string;
  newPostgresDatabase(label: string): Promise<ThrowAwayDatabase>;
  drop(): Promise<void>;
};

export async function createTemplates(postgresUrl: string | null): Promise<Templates> {
  const pglite = path.join(scratch, "pglite-template");
  const migrateEmbedded = async () => {
    const instance = new PGlite(pglite);
    await applyPendingMigrations({ pglite: instance });
    await instance.close();
  };
  const [, postgres] = await Promise.all([
    migrateEmbedded(),
    postgresUrl ? createPostgresDatabase(postgresUrl, "template", null) : null,
  ]);
  const templateName = postgres ? new URL(postgres.url).pathname.slice(1) : undefined;
  // Files and servers the run starts make their own databases from it too.
  if (templateName) process.env.TEST_POSTGRES_TEMPLATE = templateName;
  return {
    pglite,
    newPostgresDatabase: (label) => {
      if (!postgresUrl || !templateName) throw new Error("no PostgreSQL server for this run");
      return createPostgresDatabase(postgresUrl, label, templateName);
    },
    drop: async () => {
      if (postgresUrl && templateName) await dropPostgresDatabase(postgresUrl, templateName);
    },
  };
}
