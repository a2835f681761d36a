// Test database set-up for integration tests of lib/. With DATABASE_URL (set by scripts/test.ts
// to a database it created for this run) tests use PostgreSQL; otherwise each test file gets a
// fresh in-memory PGlite with the migrations applied.
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { type Actor, loadActorByUserId } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { closeDatabase, database, db } from "../../lib/db/client";
import { applyPendingMigrations } from "../../lib/db/migrate";

// Tokens need a secret; tests must not write one into the developer's ./.data.
process.env.AUTH_SECRET ??= "lib-tests-secret-lib-tests-secret-lib-tests";

export function assertLocalDatabase(url: string | undefined): void {
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

/** Registers before/after hooks that give the test file a migrated database. */
export function withTestDatabase(): void {
  let cleanup: (() => void) | undefined;
  before(async () => {
    assertLocalDatabase(process.env.DATABASE_URL);
    if (process.env.DATABASE_URL) return;
    const template = process.env.TEST_PGLITE_TEMPLATE;
    if (template) {
      // scripts/test.ts migrated this directory once; a copy is much faster than migrating.
      const copy = mkdtempSync(path.join(tmpdir(), "estate-chat-lib-"));
      cpSync(template, copy, { recursive: true });
      process.env.PGLITE_DIR = copy;
      cleanup = () => rmSync(copy, { recursive: true, force: true });
      return;
    }
    process.env.PGLITE_DIR = "memory://";
    const { pglite } = database();
    if (!pglite) throw new Error("expected embedded PGlite");
    await applyPendingMigrations({ pglite });
  });
  after(async () => {
    await closeDatabase();
    cleanup?.();
  });
}

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

// One precomputed hash: scrypt at production cost per fixture user would dominate test time.
let fixtureHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = "correct horse battery";

export async function createUser(overrides: { isAdmin?: boolean; companyId?: number; name?: string } = {}) {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const email = `${unique("user")}@example.test`;
  const user = await db().user.create({
    data: {
      email,
      name: overrides.name ?? email.split("@")[0]!,
      passwordHash: await fixtureHash,
      isAdmin: overrides.isAdmin ?? false,
      companyId: overrides.companyId ?? null,
    },
  });
  return (await loadActorByUserId(user.id)) as Actor;
}

export async function createCompany(name = unique("Company")) {
  return db().company.create({ data: { name, description: `${name} sells homes.` } });
}

/** A representative linked through membership of the group `company_{id}`. */
export async function createGroupRepresentative(companyId: number): Promise<Actor> {
  const user = await createUser();
  const group = await db().group.upsert({
    where: { name: `company_${companyId}` },
    create: { name: `company_${companyId}` },
    update: {},
  });
  await db().groupMember.create({ data: { groupId: group.id, userId: user.userId } });
  return (await loadActorByUserId(user.userId)) as Actor;
}
