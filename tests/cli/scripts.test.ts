// The operator's scripts, run as an operator runs them: separate processes on a real database.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "estate-chat-cli-"));
  dirs.push(dir);
  return dir;
}

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], {
    cwd: root,
    env: childEnv,
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Reads the embedded database after the scripts have finished (never while they run). */
async function query<T>(dataDir: string, sql: string): Promise<T[]> {
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  try {
    return (await pglite.query<T>(sql)).rows;
  } finally {
    await pglite.close();
  }
}

describe("prepare-db", () => {
  it("refuses to start on PostgreSQL without AUTH_SECRET, saying what to do", () => {
    const { code, out } = run("prepare-db.ts", [], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/never_used",
      AUTH_SECRET: undefined,
    });
    assert.equal(code, 1);
    assert.match(out, /AUTH_SECRET is not set/);
  });

  it("migrates and seeds a new embedded database once, with consistent counters", async () => {
    const dataDir = freshDataDir();
    const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, SEED_DEMO: undefined, AUTH_SECRET: undefined };
    assert.equal(run("prepare-db.ts", [], env).code, 0);
    assert.equal(run("prepare-db.ts", [], env).code, 0, "a second start changes nothing");
    const users = await query<{ email: string }>(dataDir, "SELECT email FROM users ORDER BY email");
    const emails = users.map((u) => u.email);
    for (const demo of ["admin@example.com", "alice@example.com", "rep@summit-realty.example"]) {
      assert.ok(emails.includes(demo), `${demo} is seeded`);
    }
    assert.equal(new Set(emails).size, emails.length);
    const drift = await query<{ id: number }>(
      dataDir,
      `SELECT c.id FROM chats c WHERE c.company_unread_count <>
         (SELECT count(*) FROM messages m WHERE m.chat_id = c.id AND m.sender_type = 'user' AND m.read_at IS NULL)
       OR c.buyer_unread_count <>
         (SELECT count(*) FROM messages m WHERE m.chat_id = c.id AND m.sender_type = 'company' AND m.read_at IS NULL)`,
    );
    assert.deepEqual(drift, []);
  });
});

describe("admin CLI", () => {
  it("creates companies and users, links representatives both ways, and grants admin", async () => {
    const dataDir = freshDataDir();
    const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, SEED_DEMO: "false", AUTH_SECRET: undefined };
    assert.equal(run("prepare-db.ts", [], env).code, 0);
    const admin = (...args: string[]) => run("admin.ts", args, env);
    assert.match(
      admin("create-company", "Lakeside Lofts", "--description", "Lofts").out,
      /created company 1/,
    );
    assert.equal(admin("create-user", "direct@example.test", "Direct Rep", "password-1").code, 0);
    assert.equal(admin("create-user", "group@example.test", "Group Rep", "password-2").code, 0);
    assert.equal(admin("link-rep", "direct@example.test", "1").code, 0);
    assert.equal(admin("add-to-group", "group@example.test", "company_1").code, 0);
    assert.equal(admin("make-admin", "group@example.test").code, 0);
    assert.match(admin("list-companies").out, /Lakeside Lofts/);

    const unknown = admin("link-rep", "nobody@example.test", "1");
    assert.equal(unknown.code, 1);
    assert.match(unknown.out, /No user with email nobody@example.test/);
    assert.equal(admin("link-rep", "direct@example.test").code, 2, "missing argument is a usage error");
    assert.equal(admin("no-such-command").code, 2);

    const rows = await query<{ email: string; company_id: number | null; is_admin: boolean; groups: string }>(
      dataDir,
      `SELECT u.email, u.company_id, u.is_admin, coalesce(string_agg(g.name, ','), '') AS groups
         FROM users u LEFT JOIN group_members gm ON gm.user_id = u.id LEFT JOIN groups g ON g.id = gm.group_id
        GROUP BY u.id ORDER BY u.email`,
    );
    assert.deepEqual(rows, [
      { email: "direct@example.test", company_id: 1, is_admin: false, groups: "" },
      { email: "group@example.test", company_id: null, is_admin: true, groups: "company_1" },
    ]);
  });
});
