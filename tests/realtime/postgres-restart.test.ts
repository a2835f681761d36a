// PostgreSQL restarted under a live stream (TEST_PG_RESTART is the command, set by
// scripts/test.ts on machines where it may restart the local server): the instance's listener
// reconnects by itself and the stream goes on without missing anything committed. Then
// PostgreSQL stopped for a few seconds under a stream of sends (TEST_PG_STOP, TEST_PG_START):
// the app answers 503 meanwhile, never 500, and serves again by itself once it is back.
import assert from "node:assert/strict";
import { exec, execSync } from "node:child_process";
import { after, describe, it } from "node:test";
import { promisify } from "node:util";
import { type Answer, call, makeWorld } from "../support/http";
import { SseClient } from "../support/sse";

const restart = process.env.TEST_PG_RESTART;
const stopCommand = process.env.TEST_PG_STOP;
const startCommand = process.env.TEST_PG_START;
if (!restart || !stopCommand || !startCommand) {
  throw new Error("TEST_PG_RESTART, TEST_PG_STOP and TEST_PG_START are required: run through `npm test`");
}
// Not execSync: the senders must keep sending while PostgreSQL stops and starts.
const run = promisify(exec);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const clients: SseClient[] = [];
after(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

async function sendUntilAccepted(path: string, token: string, content: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await call("POST", path, {
      token,
      body: { content },
      headers: { "idempotency-key": content.replaceAll(" ", "-") },
    }).catch(() => null);
    if (answer?.status === 201) return answer.body.id;
    if (Date.now() > deadline)
      throw new Error(`not accepted after restart: ${answer?.status} ${answer?.text}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every message id of the chat, newest page first, following `before` to the oldest. */
async function allMessageIds(path: string, token: string): Promise<number[]> {
  const ids: number[] = [];
  for (let query = "limit=100"; ; ) {
    const page = await call("GET", `${path}?${query}`, { token });
    assert.equal(page.status, 200, page.text);
    const pageIds: number[] = page.body.data.map((message: { id: number }) => message.id);
    ids.push(...pageIds);
    if (!page.body.has_more) return ids;
    query = `limit=100&before=${pageIds[0]}`;
  }
}

describe("database restart", () => {
  it("the stream recovers and nothing committed is missed", async () => {
    const world = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA },
    });
    const path = `/api/v1/company/chats/${started.body.id}/messages`;
    const stream = new SseClient(world.buyer.token);
    clients.push(stream);
    await stream.open();
    await stream.waitFor((events) => events.some((e) => e.event === "ready"));

    const beforeRestart = await sendUntilAccepted(path, world.directRep.token, "before restart");
    execSync(restart, { stdio: "inherit" });
    const afterRestart = await sendUntilAccepted(path, world.directRep.token, "after restart");

    await stream.waitFor(
      (events) => events.filter((e) => e.event === "message.created").length >= 2,
      20_000,
      "both messages after the restart",
    );
    assert.deepEqual(
      stream.of("message.created").map((e) => e.data.message.id),
      [beforeRestart, afterRestart],
    );
  });

  it("while PostgreSQL is down the app answers 503 with Retry-After, and recovers by itself", async (t) => {
    const world = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA },
    });
    assert.equal(started.status, 201, started.text);
    const path = `/api/v1/company/chats/${started.body.id}/messages`;
    const seen = new Map<number, number>(); // status → how many times
    const acks: { id: number; content: string }[] = [];
    let sending = true;

    /** Sends until told to stop; each message is retried under its key until acknowledged. */
    const sender = async (index: number) => {
      for (let n = 0; sending; n++) {
        const content = `outage ${index} ${n} ${started.body.id}`;
        for (;;) {
          const answer: Answer | null = await call("POST", path, {
            token: world.directRep.token,
            body: { content },
            headers: { "idempotency-key": `outage-${started.body.id}-${index}-${n}` },
          }).catch(() => null);
          if (answer) seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
          if (answer?.status === 201) {
            acks.push({ id: answer.body.id, content });
            break;
          }
          await pause(100);
        }
      }
    };
    const senders = Array.from({ length: 4 }, (_, index) => sender(index));

    await pause(500);
    await run(stopCommand);
    try {
      // Down for sure between the two commands: every kind of request gets the same answer.
      const send = await call("POST", path, {
        token: world.directRep.token,
        body: { content: "while down" },
      });
      assert.equal(send.status, 503, send.text);
      assert.equal(send.headers.get("content-type"), "application/problem+json");
      assert.ok(Number(send.headers.get("retry-after")) > 0, "Retry-After");
      assert.equal(send.body.status, 503);
      const list = await call("GET", path, { token: world.directRep.token });
      assert.equal(list.status, 503, list.text);
      const health = await call("GET", "/api/health");
      assert.equal(health.status, 503, health.text);
      await pause(3_000);
    } finally {
      await run(startCommand);
    }

    // Back without restarting the app: a new send goes through on the same instance.
    const afterOutage = await sendUntilAccepted(
      path,
      world.directRep.token,
      `after outage ${started.body.id}`,
    );
    sending = false;
    await Promise.all(senders);

    t.diagnostic(`answers seen: ${JSON.stringify(Object.fromEntries(seen))}`);
    const statuses = [...seen.keys()].sort();
    assert.ok(
      statuses.every((status) => [201, 409, 503].includes(status)),
      `only 201, 409 (a key whose request died with its connection) and 503: ${statuses}`,
    );
    const ids = await allMessageIds(path, world.directRep.token);
    for (const ack of acks) {
      assert.equal(ids.filter((id) => id === ack.id).length, 1, `acknowledged ${ack.content} stored once`);
    }
    assert.ok(ids.includes(afterOutage));
    assert.equal(ids.length, acks.length + 1, "nothing stored that was not acknowledged");
  });
});
