// Gets the database ready before the server starts, in its own process, never beside the
// server: PGlite allows one process per data directory and nothing enforces it.
//   embedded (no DATABASE_URL): create .data, apply migrations, seed demo data if empty;
//   PostgreSQL: only check that the schema is deployed (operators run `npm run db:deploy`).
// Both: refuse without AUTH_SECRET where it is required; create ADMIN_EMAIL's admin if missing.
import { mkdirSync } from "node:fs";
import { RegisterInputSchema } from "../lib/accounts/schemas";
import { registerUser } from "../lib/accounts/users";
import { findUserIdByEmail, updateUserAccess } from "../lib/admin/users";
import { closeDatabase, database, db } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrate";
import { authSecret, env } from "../lib/env";
import { operatorActor } from "./operator";
import { assertSchemaDeployed } from "./schema-check";
import { seedDemo } from "./seed-demo";

async function migrateEmbedded(): Promise<void> {
  mkdirSync(env.DATA_DIR, { recursive: true });
  const { pglite } = database();
  if (!pglite) throw new Error("embedded mode without a PGlite instance");
  const applied = await applyPendingMigrations({ pglite });
  if (applied.length) console.log(`[prepare-db] applied migrations: ${applied.join(", ")}`);
}

async function ensureConfiguredAdmin(): Promise<void> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return;
  const input = RegisterInputSchema.parse({
    email: env.ADMIN_EMAIL,
    name: "Administrator",
    password: env.ADMIN_PASSWORD,
  });
  // An existing account is left as it is: the variables bootstrap an admin, they do not
  // reset a password or re-grant rights someone removed on purpose.
  if (await findUserIdByEmail(input.email)) return;
  const user = await registerUser(input);
  await updateUserAccess(operatorActor, user.userId, { isAdmin: true });
  console.log(`[prepare-db] created admin ${input.email}`);
}

async function main(): Promise<void> {
  authSecret();
  if (env.embedded) await migrateEmbedded();
  else await assertSchemaDeployed();
  if (env.seedDemo && (await db().user.count()) === 0) {
    await seedDemo();
    console.log("[prepare-db] seeded demo data (sign in as alice@example.com / demo-pass-123)");
  }
  await ensureConfiguredAdmin();
}

try {
  await main();
  await closeDatabase();
} catch (error) {
  // Our own refusals (plain Errors) are sentences for the operator; anything else keeps its stack.
  console.error(
    "[prepare-db]",
    error instanceof Error && error.constructor === Error ? error.message : error,
  );
  await closeDatabase().catch(() => {});
  process.exit(1);
}
// The schema engine and pg leave timers behind; everything is committed, so do not wait.
process.exit(0);
