// Crash safety (run by scripts/test.ts once on embedded PGlite and once on PostgreSQL): clients
// keep sending messages, each with its own Idempotency-Key, retrying that key on a network error,
// 409 or 503 until a 201; meanwhile the server process is killed with SIGKILL several times and
// started again on the same data. Afterwards every acknowledged message is in the database
// exactly once, with the id its client was given, and nothing else was written.
// TEST_CRASH_DATABASE_URL: a fresh PostgreSQL database; without it, a PGlite data directory.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type RunningServer, startServer } from "../../scripts/test-server";
import { ADMIN, type Answer, asAdmin, call, signUp, type TestUser } from "../support/http";

const postgresUrl = process.env.TEST_CRASH_DATABASE_URL;
const dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-crash-"));
const serverEnv: Record<string, string> = {
  DATA_DIR: dataDir,
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  SEED_DEMO: "false",
  ...(postgresUrl
    ? { DATABASE_URL: postgresUrl, AUTH_SECRET: "test-secret-that-is-long-enough-for-hs256" }
    : {}),
};
const KILLS = 3;
const CLIENTS = 6;
/** Each client sends at least this many, and keeps sending until the last kill is over. */
const MIN_SENDS = 8;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: RunningServer;
/** Set when the test has failed: every loop below ends instead of sending on. */
let givenUp = false;
/** The loop that kills and restarts the server, while it runs. */
let killing: Promise<void> | undefined;
let buyer: TestUser;
let rep: TestUser;
let chatId: number;
/** How long each restart took, start to healthy (reported, not asserted). */
const restartSeconds: number[] = [];

/** A new server process on the same data; the HTTP helpers follow it. */
async function startAgain(): Promise<void> {
  server = await startServer(serverEnv);
  process.env.TEST_BASE_URL = server.baseUrl;
}

/** SIGKILL to the process that serves (startServer runs `next start` itself, no wrapper). */
async function kill(): Promise<void> {
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGKILL");
  await exited;
}

/** One company, a buyer and the company's representative: the two sides of one chat. */
before(async () => {
  await startAgain();
  const admin = await asAdmin();
  const company = await call("POST", "/api/v1/admin/companies", {
    token: admin,
    body: { name: `Crash ${randomUUID().slice(0, 6)}`, description: "" },
  });
  assert.equal(company.status, 201, company.text);
  [buyer, rep] = await Promise.all([signUp("crash-buyer"), signUp("crash-rep")]);
  const linked = await call("PATCH", `/api/v1/admin/users/${rep.id}`, {
    token: admin,
    body: { company_id: company.body.id },
  });
  assert.equal(linked.status, 200, linked.text);
  const started = await call("POST", "/api/v1/chats", {
    token: buyer.token,
    body: { company_id: company.body.id },
  });
  assert.equal(started.status, 201, started.text);
  chatId = started.body.id;
});

after(async () => {
  // A restart still under way would leave a server behind: let the killer finish first.
  await killing?.catch(() => {});
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Ack = { key: string; content: string; id: number; replayed: boolean };
type Sender = { token: string; path: string };

/**
 * Sends one message until it is acknowledged, as a careful client does: the same key and body on
 * every retry. A killed or restarting server (no answer), a key still held by a request that
 * died (409) and a database away (503) are waited out; anything else fails the test.
 */
async function sendUntilAcknowledged(sender: Sender, key: string, content: string): Promise<Ack> {
  // Only a guard against hanging forever: restarts are slow on a busy machine.
  const deadline = Date.now() + 120_000;
  let last = "no answer yet";
  while (Date.now() < deadline && !givenUp) {
    const answer: Answer | null = await call("POST", sender.path, {
      token: sender.token,
      body: { content },
      headers: { "idempotency-key": key },
    }).catch(() => null);
    if (answer?.status === 201) {
      assert.equal(answer.body.content, content);
      return {
        key,
        content,
        id: answer.body.id,
        replayed: answer.headers.get("idempotent-replayed") === "true",
      };
    }
    if (answer && ![409, 503].includes(answer.status)) {
      assert.fail(`unexpected ${answer.status} for ${key}: ${answer.text}`);
    }
    last = answer ? `${answer.status} ${answer.text}` : "no answer";
    await pause(100 + Math.random() * 200);
  }
  throw new Error(`${key} not acknowledged (last: ${last})`);
}

/** What the database holds after the run, read directly (the server is stopped for PGlite). */
async function storedRows(sql: string, params: unknown[]): Promise<any[]> {
  if (postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  try {
    return (await pglite.query(sql, params)).rows as any[];
  } finally {
    await pglite.close();
  }
}

describe(`crash safety on ${postgresUrl ? "PostgreSQL" : "PGlite"}`, () => {
  it("SIGKILL under a stream of sends: every acknowledged message exists exactly once", async (t) => {
    const run = randomUUID().slice(0, 8);
    const senders: Sender[] = [
      { token: buyer.token, path: `/api/v1/chats/${chatId}/messages` },
      { token: rep.token, path: `/api/v1/company/chats/${chatId}/messages` },
    ];
    let killsDone = false;
    const acks: Ack[] = [];
    const client = async (index: number) => {
      const sender = senders[index % senders.length]!;
      for (let n = 0; (n < MIN_SENDS || !killsDone) && !givenUp; n++) {
        const key = `crash-${run}-${index}-${n}`;
        acks.push(await sendUntilAcknowledged(sender, key, `crash ${run} client ${index} message ${n}`));
      }
    };
    const killer = async () => {
      for (let round = 0; round < KILLS; round++) {
        // A random moment while the clients are sending to this server: once it has
        // acknowledged a few messages (it is serving, not still starting), a little later.
        const served = acks.length + 3;
        while (acks.length < served && !givenUp) await pause(50);
        if (givenUp) return;
        await pause(Math.random() * 500);
        await kill();
        const restarted = Date.now();
        await startAgain();
        restartSeconds.push((Date.now() - restarted) / 1000);
      }
      killsDone = true;
    };
    killing = killer();
    await Promise.all([killing, ...Array.from({ length: CLIENTS }, (_, index) => client(index))]).catch(
      (error) => {
        givenUp = true;
        throw error;
      },
    );

    // How many answers a kill swallowed and a retry got back as a replay (varies run to run).
    t.diagnostic(
      `${acks.length} messages, ${acks.filter((ack) => ack.replayed).length} acknowledged by a replay`,
    );
    t.diagnostic(`restarts took ${restartSeconds.map((seconds) => `${seconds.toFixed(1)} s`).join(", ")}`);
    const keys = acks.map((ack) => ack.key);
    assert.equal(new Set(keys).size, keys.length, "each key acknowledged once by the test's clients");
    await server.stop();

    const messages = await storedRows(
      "SELECT id, client_message_id, content, sender_type FROM messages WHERE chat_id = $1 AND content LIKE $2",
      [chatId, `crash ${run} %`],
    );
    const byKey = new Map<string, any[]>();
    for (const row of messages)
      byKey.set(row.client_message_id, [...(byKey.get(row.client_message_id) ?? []), row]);
    for (const ack of acks) {
      const rows = byKey.get(ack.key) ?? [];
      assert.equal(rows.length, 1, `${ack.key}: ${rows.length} messages`);
      assert.equal(rows[0].id, ack.id, `${ack.key}: the acknowledged id`);
      assert.equal(rows[0].content, ack.content);
    }
    assert.equal(messages.length, acks.length, "no message that was never acknowledged");

    // The same transaction wrote one event per message and counted it unread for the other side.
    const events = await storedRows(
      "SELECT (payload->'message'->>'id')::int AS id, count(*)::int AS n FROM events WHERE type = 'message.created' AND chat_id = $1 GROUP BY 1",
      [chatId],
    );
    const eventCount = new Map(events.map((row) => [row.id, row.n]));
    for (const ack of acks) assert.equal(eventCount.get(ack.id), 1, `one event for message ${ack.id}`);
    const [chat] = await storedRows(
      "SELECT buyer_unread_count, company_unread_count FROM chats WHERE id = $1",
      [chatId],
    );
    const fromCompany = messages.filter((row) => row.sender_type === "company").length;
    assert.equal(chat.buyer_unread_count, fromCompany);
    assert.equal(chat.company_unread_count, messages.length - fromCompany);
  });
});
