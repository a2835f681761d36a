// Webhooks end to end: real HTTP against `next start` (its worker sends with the fast retry
// schedule scripts/test-server.ts sets) to receivers on loopback that verify every signature.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { call, makeWorld, type World } from "../support/http";
import { pause, type ReceivedWebhook, WebhookReceiver } from "../support/webhook-receiver";

const ALL_EVENTS = ["message.created", "chat.created", "messages.read", "chat.closed", "chat.reopened"];

type Endpoint = { id: number; secret: string };
let world: World;
const receivers: WebhookReceiver[] = [];

async function receiver(): Promise<WebhookReceiver> {
  const started = await new WebhookReceiver().start();
  receivers.push(started);
  return started;
}

async function register(
  token: string,
  companyId: number,
  url: string,
  eventTypes = ALL_EVENTS,
): Promise<Endpoint> {
  const created = await call("POST", "/api/v1/company/webhooks", {
    token,
    body: { company_id: companyId, url, event_types: eventTypes, description: "test receiver" },
  });
  assert.equal(created.status, 201, created.text);
  assert.match(created.body.secret, /^whsec_/);
  return { id: created.body.id, secret: created.body.secret };
}

async function deliveries(token: string, endpointId: number): Promise<any[]> {
  const answer = await call("GET", `/api/v1/company/webhooks/${endpointId}/deliveries?limit=100`, { token });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data;
}

/** Polls the delivery log until `done` holds for it. */
async function waitForLog(token: string, endpointId: number, done: (log: any[]) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const log = await deliveries(token, endpointId);
    if (done(log)) return log;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(log)}`);
    await pause(200);
  }
}

const types = (hooks: ReceivedWebhook[]) => hooks.map((hook) => hook.json?.type).sort();

before(async () => {
  world = await makeWorld();
});
after(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
});

describe("webhooks: one signed delivery per event", () => {
  it("delivers each subscribed event of its own company once, signed, in the Standard Webhooks shape", async () => {
    const [everything, messagesOnly, otherCompany] = await Promise.all([receiver(), receiver(), receiver()]);
    const all = await register(world.directRep.token, world.companyA, everything.url);
    await register(world.groupRep.token, world.companyA, messagesOnly.url, ["message.created"]);
    await register(world.otherRep.token, world.companyB, otherCompany.url);

    const started = await call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA, content: "Is the flat still available?" },
    });
    assert.equal(started.status, 201, started.text);
    const chatId = started.body.id;
    const reply = await call("POST", `/api/v1/company/chats/${chatId}/messages`, {
      token: world.directRep.token,
      body: { content: "Yes, come and see it." },
    });
    assert.equal(reply.status, 201, reply.text);
    for (const [path, token] of [
      [`/api/v1/company/chats/${chatId}/read`, world.directRep.token],
      [`/api/v1/chats/${chatId}/read`, world.buyer.token],
    ] as const) {
      assert.equal((await call("POST", path, { token })).status, 200);
    }
    for (const is_active of [false, true]) {
      const toggled = await call("PATCH", `/api/v1/company/chats/${chatId}`, {
        token: world.directRep.token,
        body: { is_active },
      });
      assert.equal(toggled.status, 200, toggled.text);
    }

    const expected = [
      "chat.closed",
      "chat.created",
      "chat.reopened",
      "message.created",
      "message.created",
      "messages.read",
      "messages.read",
    ];
    await everything.waitFor(() => everything.received.length >= expected.length, "7 deliveries");
    await messagesOnly.waitFor(() => messagesOnly.received.length >= 2, "2 message deliveries");
    await pause(1_000); // room for a duplicate to show up, if there were one
    assert.deepEqual(types(everything.received), expected);
    assert.deepEqual(types(messagesOnly.received), ["message.created", "message.created"]);
    assert.deepEqual(otherCompany.received, [], "another company's endpoint hears nothing");
    assert.equal(new Set(everything.received.map((hook) => hook.id)).size, expected.length, "one per event");
    for (const hook of everything.received) {
      assert.match(hook.id, /^msg_\w+$/);
      assert.ok(everything.verified(all.secret, hook), `signature of ${hook.json?.type}`);
      assert.equal(everything.verified(`whsec_${Buffer.alloc(32).toString("base64")}`, hook), false);
      assert.equal(hook.json.data.chat_id, chatId);
      assert.ok(!Number.isNaN(Date.parse(hook.json.timestamp)));
    }
    const replyHook = everything.received.find(
      (hook) => hook.json.type === "message.created" && hook.json.data.message.id === reply.body.id,
    );
    assert.deepEqual(replyHook?.json.data.message, reply.body, "the message as the API shapes it");

    const log = await waitForLog(
      world.directRep.token,
      all.id,
      (rows) => rows.length === expected.length && rows.every((row) => row.status === "succeeded"),
      "a log of 7 successes",
    );
    for (const row of log) {
      assert.equal(row.attempt_count, 1);
      assert.equal(row.last_status_code, 204);
      assert.equal(typeof row.last_latency_ms, "number");
      assert.equal(row.attempts.length, 1);
    }
    assert.deepEqual(
      log.map((row) => row.webhook_id).sort(),
      everything.received.map((hook) => hook.id).sort(),
    );
  });
});

describe("webhooks: retries and redelivery", () => {
  it("a receiver that was down gets the same webhook-id once it is back; failures are logged", async () => {
    const hooks = await receiver();
    const endpoint = await register(world.directRep.token, world.companyA, hooks.url, ["chat.created"]);
    await hooks.stop();
    const buyer = world.otherBuyer; // a new chat with company A: one chat.created
    const started = await call("POST", "/api/v1/chats", {
      token: buyer.token,
      body: { company_id: world.companyA },
    });
    assert.equal(started.status, 201, started.text);
    const [failing] = await waitForLog(
      world.directRep.token,
      endpoint.id,
      (rows) => rows.length === 1 && rows[0].attempts.length >= 2,
      "two failed attempts",
    );
    assert.equal(failing.last_status_code, null);
    assert.ok(failing.last_error, "the connection error is logged");
    assert.equal(hooks.received.length, 0);

    await hooks.start();
    await hooks.waitFor(
      () => hooks.withId(failing.webhook_id).length > 0,
      "the same webhook-id after recovery",
    );
    await pause(800);
    assert.equal(hooks.withId(failing.webhook_id).length, 1);
    assert.equal(hooks.received.length, 1);
    assert.ok(hooks.verified(endpoint.secret, hooks.received[0]!));
    const [done] = await waitForLog(
      world.directRep.token,
      endpoint.id,
      (rows) => rows[0]?.status === "succeeded",
      "success",
    );
    assert.ok(done.attempt_count >= 3);
    assert.equal(done.attempts[0].status_code, 204, "newest attempt first");
    assert.equal(done.attempts.at(-1).status_code, null);
  });

  it("error answers are retried, and redeliver sends the same webhook-id again", async () => {
    const hooks = await receiver();
    let failuresLeft = 2;
    hooks.respond = () => (failuresLeft-- > 0 ? 500 : 200);
    const endpoint = await register(world.groupRep.token, world.companyA, hooks.url, ["chat.closed"]);
    const chat = await call("POST", "/api/v1/chats", {
      token: world.directRep.token,
      body: { company_id: world.companyA },
    });
    assert.ok([200, 201].includes(chat.status), chat.text);
    const closed = await call("PATCH", `/api/v1/company/chats/${chat.body.id}`, {
      token: world.groupRep.token,
      body: { is_active: false },
    });
    assert.equal(closed.status, 200, closed.text);
    await hooks.waitFor(() => hooks.received.length === 3, "two 500s and a 200");
    assert.equal(new Set(hooks.received.map((hook) => hook.id)).size, 1, "every retry keeps the webhook-id");
    const [delivery] = await waitForLog(
      world.groupRep.token,
      endpoint.id,
      (rows) => rows[0]?.status === "succeeded",
      "success",
    );
    assert.deepEqual(
      delivery.attempts.map((attempt: { status_code: number }) => attempt.status_code),
      [200, 500, 500],
    );

    const again = await call(
      "POST",
      `/api/v1/company/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`,
      { token: world.directRep.token },
    );
    assert.equal(again.status, 202, again.text);
    assert.equal(again.body.webhook_id, delivery.webhook_id);
    await hooks.waitFor(() => hooks.received.length === 4, "the redelivery");
    assert.equal(hooks.received[3]?.id, delivery.webhook_id);
    assert.equal(hooks.received[3]?.body, hooks.received[0]?.body, "the same body");
  });
});

describe("webhooks: management", () => {
  it("another company's representative and buyers get 404 for an endpoint; lists show only their own", async () => {
    const hooks = await receiver();
    const endpoint = await register(world.directRep.token, world.companyA, hooks.url);
    const base = `/api/v1/company/webhooks/${endpoint.id}`;
    for (const token of [world.otherRep.token, world.buyer.token]) {
      const answers = await Promise.all([
        call("GET", base, { token }),
        call("PATCH", base, { token, body: { enabled: false } }),
        call("DELETE", base, { token }),
        call("POST", `${base}/rotate-secret`, { token }),
        call("GET", `${base}/deliveries`, { token }),
        call("POST", `${base}/deliveries/1/redeliver`, { token }),
        call("POST", "/api/v1/company/webhooks", {
          token,
          body: { company_id: world.companyA, url: hooks.url, event_types: ["chat.created"] },
        }),
      ]);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [404, 404, 404, 404, 404, 404, 404],
      );
      const list = await call("GET", `/api/v1/company/webhooks?company_id=${world.companyA}`, { token });
      assert.deepEqual(list.body.data, []);
    }
    const mine = await call("GET", base, { token: world.groupRep.token });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.secret, undefined, "the secret is never shown again");
    assert.equal(mine.body.secret_hint.slice(0, 10), endpoint.secret.slice(0, 10));
    const admin = await call("GET", `/api/v1/company/webhooks?company_id=${world.companyA}&limit=100`, {
      token: world.admin,
    });
    assert.ok(admin.body.data.some((row: { id: number }) => row.id === endpoint.id));
  });

  it("refuses bad input with 422 and never a 500", async () => {
    const token = world.directRep.token;
    const attempts = [
      { company_id: world.companyA, url: "ftp://example.com/x", event_types: ["chat.created"] },
      { company_id: world.companyA, url: "not a url", event_types: ["chat.created"] },
      { company_id: world.companyA, url: "http://user:pw@127.0.0.1/", event_types: ["chat.created"] },
      { company_id: world.companyA, url: "http://127.0.0.1/", event_types: ["chat.deleted"] },
      { company_id: world.companyA, url: "http://127.0.0.1/", event_types: [] },
      { company_id: world.companyA, url: "http://127.0.0.1/\u0000", event_types: ["chat.created"] },
      { company_id: "1", url: "http://127.0.0.1/", event_types: ["chat.created"] },
    ];
    for (const body of attempts) {
      const answer = await call("POST", "/api/v1/company/webhooks", { token, body });
      assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
    }
    const endpoint = await register(token, world.companyA, "http://127.0.0.1:9/never");
    for (const body of [{}, { enabled: "yes" }, { url: "gopher://x" }, { surprise: 1 }]) {
      const answer = await call("PATCH", `/api/v1/company/webhooks/${endpoint.id}`, { token, body });
      assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
    }
    for (const path of [
      "abc",
      "0",
      "99999999999",
      `${endpoint.id}/deliveries/abc/redeliver`,
      `${endpoint.id}/deliveries/99999999/redeliver`,
    ]) {
      const method = path.endsWith("redeliver") ? "POST" : "GET";
      const answer = await call(method, `/api/v1/company/webhooks/${path}`, { token });
      assert.equal(answer.status, 404, `${path}: ${answer.text}`);
    }
    const cursor = await call("GET", `/api/v1/company/webhooks/${endpoint.id}/deliveries?cursor=garbage`, {
      token,
    });
    assert.equal(cursor.status, 422);
  });

  it("disables and re-enables, rotates the secret, and deletes", async () => {
    const hooks = await receiver();
    const token = world.directRep.token;
    const endpoint = await register(token, world.companyA, hooks.url, ["chat.created"]);
    const path = `/api/v1/company/webhooks/${endpoint.id}`;
    const disabled = await call("PATCH", path, { token, body: { enabled: false } });
    assert.equal(disabled.status, 200, disabled.text);
    assert.equal(disabled.body.enabled, false);
    assert.ok(disabled.body.disabled_at);
    assert.match(disabled.body.disabled_reason, /Disabled by/);
    const outsider = await makeWorld();
    await call("POST", "/api/v1/chats", {
      token: outsider.buyer.token,
      body: { company_id: world.companyA },
    });
    await pause(800);
    assert.equal(hooks.received.length, 0, "a disabled endpoint gets nothing");

    const enabled = await call("PATCH", path, {
      token,
      body: { enabled: true, event_types: ["chat.created", "chat.created"] },
    });
    assert.equal(enabled.status, 200, enabled.text);
    assert.deepEqual(
      [
        enabled.body.enabled,
        enabled.body.disabled_at,
        enabled.body.disabled_reason,
        enabled.body.failing_since,
      ],
      [true, null, null, null],
    );
    assert.deepEqual(enabled.body.event_types, ["chat.created"]);

    const rotated = await call("POST", `${path}/rotate-secret`, { token });
    assert.equal(rotated.status, 200, rotated.text);
    assert.notEqual(rotated.body.secret, endpoint.secret);
    await call("POST", "/api/v1/chats", {
      token: outsider.otherBuyer.token,
      body: { company_id: world.companyA },
    });
    await hooks.waitFor(() => hooks.received.length === 1, "a delivery after re-enabling");
    const [hook] = hooks.received;
    assert.ok(hook && hooks.verified(rotated.body.secret, hook), "signed with the new secret");
    assert.equal(hooks.verified(endpoint.secret, hook), false);

    assert.equal((await call("DELETE", path, { token })).status, 204);
    assert.equal((await call("GET", path, { token })).status, 404);
    assert.equal((await call("DELETE", path, { token })).status, 404);
  });
});
