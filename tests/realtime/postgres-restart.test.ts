// PostgreSQL restarted under a live stream (TEST_PG_RESTART is the command, set by
// scripts/test.ts on machines where it may restart the local server): the instance's listener
// reconnects by itself and the stream goes on without missing anything committed.
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import { after, describe, it } from "node:test";
import { call, makeWorld } from "../support/http";
import { SseClient } from "../support/sse";

const restart = process.env.TEST_PG_RESTART;
if (!restart) throw new Error("TEST_PG_RESTART is required: run through `npm test`");

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
});
