// Webhooks "also across a server restart" (run once by scripts/test.ts, after the HTTP tests):
// this file runs its own `next start` on its own embedded database (a PGlite data directory
// reused by each new server), lets a delivery fail or hang, stops the server, starts a new one
// on the same data, and sees the same webhook-id arrive.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../../scripts/test-server";
import { ADMIN, call, makeWorld, type World } from "../support/http";
import { pause, WebhookReceiver } from "../support/webhook-receiver";

const dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-webhook-restart-"));
const serverEnv = {
  DATA_DIR: dataDir,
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  SEED_DEMO: "false",
  // Retries every second for about half a minute; a lease of 3 s, longer than the 2 s timeout.
  WEBHOOK_RETRY_DELAYS: Array(30).fill("1s").join(","),
  WEBHOOK_LEASE: "3s",
  WEBHOOK_TIMEOUT: "2s",
};

let server: RunningServer | undefined;
let world: World;
const receiver = new WebhookReceiver();
let endpoint: { id: number; secret: string };

/** A new server process on the same data; the HTTP helpers follow it. */
async function restart(): Promise<void> {
  await server?.stop();
  server = await startServer(serverEnv);
  process.env.TEST_BASE_URL = server.baseUrl;
}

async function logOf(): Promise<any[]> {
  const answer = await call("GET", `/api/v1/company/webhooks/${endpoint.id}/deliveries`, {
    token: world.directRep.token,
  });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data;
}

async function waitForLog(done: (rows: any[]) => boolean, what: string): Promise<any[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await logOf();
    if (done(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(rows)}`);
    await pause(200);
  }
}

before(async () => {
  await receiver.start();
  await receiver.stop(); // down, on a known port
  await restart();
  world = await makeWorld();
  const created = await call("POST", "/api/v1/company/webhooks", {
    token: world.directRep.token,
    body: { company_id: world.companyA, url: receiver.url, event_types: ["chat.created", "chat.closed"] },
  });
  assert.equal(created.status, 201, created.text);
  endpoint = { id: created.body.id, secret: created.body.secret };
});

after(async () => {
  await server?.stop();
  await receiver.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("webhooks across a server restart", () => {
  let chatId: number;

  it("a delivery that failed before the restart arrives afterwards, with the same webhook-id", async () => {
    const started = await call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA },
    });
    assert.equal(started.status, 201, started.text);
    chatId = started.body.id;
    const [failed] = await waitForLog(
      (rows) => rows[0]?.attempt_count >= 1 && rows[0].last_error,
      "a failure",
    );
    await restart();
    await receiver.start();
    await receiver.waitFor(
      () => receiver.withId(failed.webhook_id).length > 0,
      "the delivery after the restart",
    );
    await pause(1_000);
    assert.equal(receiver.withId(failed.webhook_id).length, 1, "exactly once");
    assert.ok(receiver.verified(endpoint.secret, receiver.received[0]!));
    const [done] = await waitForLog((rows) => rows[0]?.status === "succeeded", "success in the log");
    assert.equal(done.webhook_id, failed.webhook_id);
  });

  it("a server stopped in the middle of a send: the next one sends the same webhook-id once the lease ends", async () => {
    receiver.respond = () => "hang";
    const closed = await call("PATCH", `/api/v1/company/chats/${chatId}`, {
      token: world.directRep.token,
      body: { is_active: false },
    });
    assert.equal(closed.status, 200, closed.text);
    await receiver.waitFor(
      () => receiver.received.some((hook) => hook.json?.type === "chat.closed"),
      "the hung send",
    );
    const hung = receiver.received.find((hook) => hook.json?.type === "chat.closed")!;
    await server?.stop(); // while the receiver still holds the request open
    receiver.respond = 204;
    await restart();
    await receiver.waitFor(() => receiver.withId(hung.id).length === 2, "the resend after the lease");
    await pause(1_000);
    assert.equal(receiver.withId(hung.id).length, 2, "sent again once, not more");
    assert.ok(receiver.withId(hung.id).every((hook) => receiver.verified(endpoint.secret, hook)));
    const rows = await waitForLog((all) => all[0]?.status === "succeeded", "success in the log");
    assert.equal(rows[0].webhook_id, hung.id);
  });
});
