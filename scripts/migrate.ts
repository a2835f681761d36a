// `npm run db:migrate -- <name>` writes a new migration from schema changes.
// `npm run db:deploy` applies pending migrations to the configured database
// (DATABASE_URL, or the embedded PGlite directory when it is not set).
import { applyPendingMigrations, createMigration } from "../lib/db/migrate";
import { openMigrationTarget } from "./db-target";

const [command, name] = process.argv.slice(2);

if (command === "create") {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migrate -- <name in lower_snake_case>");
    process.exit(2);
  }
  const directory = await createMigration(name);
  console.log(directory ? `created ${directory}` : "schema unchanged: no migration created");
} else if (command === "deploy") {
  const { target, describe, close } = await openMigrationTarget();
  try {
    const applied = await applyPendingMigrations(target);
    console.log(
      applied.length ? `applied to ${describe}: ${applied.join(", ")}` : `${describe} is up to date`,
    );
  } finally {
    await close();
  }
  // The WebAssembly engine leaves a timer and a pooled socket behind on PostgreSQL; the work
  // is done and committed, so do not wait for them.
  process.exit(0);
} else {
  console.error("usage: migrate.ts create <name> | deploy");
  process.exit(2);
}
