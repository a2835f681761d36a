// Applies (and, for developers, creates) migrations through the WebAssembly schema engine.
// The same `prisma/migrations` history serves embedded PGlite and PostgreSQL, and stays in
// Prisma's ordinary layout, so `prisma migrate deploy` also works where the native engine exists.
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import {
  explainEngineError,
  MIGRATIONS_DIR,
  NO_FILTERS,
  openSchemaEngine,
  readMigrationsList,
  SCHEMA_PATH,
} from "./schema-engine";

export type MigrationTarget = { pglite: PGlite } | { postgresUrl: string };

function adapterFactoryFor(target: MigrationTarget): {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  release(): Promise<void>;
} {
  if ("pglite" in target) {
    return { adapterFactory: new PrismaPGlite(target.pglite), release: async () => {} };
  }
  // Our own pool, so it can be closed (the engine does not), and deploy never asks the
  // adapter for a shadow database, so its shadow handling is never reached.
  const pool = new pg.Pool({ connectionString: target.postgresUrl, max: 1, allowExitOnIdle: true });
  return { adapterFactory: new WholeScriptPg(pool), release: () => pool.end() };
}

/**
 * PrismaPg's executeScript splits a migration on every ";", which cuts a function body
 * ($$ … $$) apart and runs each piece in its own transaction. One simple-protocol query runs the
 * whole script as one implicit transaction instead, as Prisma's native engine does: a migration
 * applies entirely or not at all, and its statements share the locks they take.
 */
class WholeScriptPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override async connect() {
    const adapter = await super.connect();
    const pool = this.pool;
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // The adapter's own mapping to the engine's error kinds (protected, hence the cast).
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

/** Applies every pending migration; returns the names it applied. */
export async function applyPendingMigrations(target: MigrationTarget): Promise<string[]> {
  const { adapterFactory, release } = adapterFactoryFor(target);
  const { engine, factory } = await openSchemaEngine(adapterFactory);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrationsList(),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  } catch (error) {
    throw explainEngineError(error, factory);
  } finally {
    engine.free();
    await release();
  }
}

/**
 * Writes a new migration for the difference between the migration history and the schema.
 * Runs against throw-away in-memory PGlite databases (main and shadow), so it needs no server.
 * Returns the new migration's directory, or null when the schema has no changes.
 */
export async function createMigration(name: string): Promise<string | null> {
  const pglite = new PGlite("memory://");
  const { engine, factory, schema } = await openSchemaEngine(new PrismaPGlite(pglite));
  try {
    const migrationsList = await readMigrationsList();
    // The engine refuses to diagnose a database that has not seen the history (P1014).
    await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    // devDiagnostic connects the shadow database through the adapter; createMigration needs it.
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
    if (diagnostic.action.tag === "reset") {
      throw new Error(`The migration history needs a reset: ${diagnostic.action.reason}`);
    }
    const result = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [{ path: SCHEMA_PATH, content: schema }] },
      filters: NO_FILTERS,
    });
    if (result.migrationScript === null) return null;
    const directory = path.join(MIGRATIONS_DIR, result.generatedMigrationName);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, "migration.sql"), result.migrationScript ?? "");
    await writeFile(
      path.join(MIGRATIONS_DIR, "migration_lock.toml"),
      '# Written by scripts/migrate.ts; keep it in version control.\nprovider = "postgresql"\n',
    );
    return directory;
  } catch (error) {
    throw explainEngineError(error, factory);
  } finally {
    engine.free();
    await pglite.close();
  }
}
