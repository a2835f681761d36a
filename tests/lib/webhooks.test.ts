// Webhooks in lib/: the outbox written with each event, the claim that never hands a delivery to
// two senders, leases, retries, automatic disabling, and the private-address guard.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

// Before lib/env.ts is first read: a quick schedule, private targets refused by default (the
// production default), a short disable threshold.
process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
process.env.WEBHOOK_RETRY_DELAYS = "1s,1s";
process.env.WEBHOOK_DISABLE_AFTER = "1h";
process.env.WEBHOOK_TIMEOUT = "2s";
process.env.WEBHOOK_LEASE = "5s";

import type { Actor } from "../../lib/auth/actor";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { db } from "../../lib/db/client";
import type { AppError } from "../../lib/errors";
import { sendMessage } from "../../lib/messages/send-message";
import { checkWebhookUrl } from "../../lib/webhooks/check-webhook-url";
import { claimDueDeliveries } from "../../lib/webhooks/claim-deliveries";
import { createWebhookEndpoint } from "../../lib/webhooks/create-webhook-endpoint";
import { getWebhookEndpointOrThrow } from "../../lib/webhooks/get-webhook-endpoint";
import { postWebhook } from "../../lib/webhooks/post-webhook";
import { pruneFinishedDeliveries } from "../../lib/webhooks/prune-deliveries";
import { recordAttempt } from "../../lib/webhooks/record-attempt";
import { decryptWebhookSecret } from "../../lib/webhooks/secret-box";
import { updateWebhookEndpoint } from "../../lib/webhooks/update-webhook-endpoint";
import { runWebhookBatch } from "../../lib/webhooks/worker";
import { createCompany, createUser, withTestDatabase } from "../support/database";
import { WebhookReceiver } from "../support/webhook-receiver";

withTestDatabase();

const receivers: WebhookReceiver[] = [];
after(async () => {
  await Promise.all(receivers.map((receiver) => receiver.stop()));
});

/** A company with a representative, a buyer and an endpoint. Private URLs are off in this file,
 * so the endpoint is stored directly and pointed at a loopback receiver afterwards. */
async function setUp(eventTypes = ["message.created", "chat.created"]) {
  const company = await createCompany();
  const rep = await createUser({ companyId: company.id });
  const buyer = await createUser();
  const receiver = await new WebhookReceiver().start();
  receivers.push(receiver);
  const { endpoint, secret } = await createWebhookEndpoint(rep, {
    companyId: company.id,
    url: "http://93.184.216.34/placeholder",
    eventTypes,
  });
  await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: receiver.url } });
  return { company, rep, buyer, receiver, endpointId: endpoint.id, secret };
}

async function deliveriesOf(endpointId: number) {
  return db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" } });
}

const rejects422 = async (promise: Promise<unknown>, label: string) => {
  await assert.rejects(promise, (error: AppError) => error.code === "validation_failed", label);
};

describe("webhook outbox", () => {
  it("each event writes one row per enabled subscribed endpoint of its company, in its transaction", async () => {
    const { company, rep, buyer, endpointId, secret } = await setUp();
    const other = await setUp();
    const { endpoint: closedOnly } = await createWebhookEndpoint(rep, {
      companyId: company.id,
      url: "http://93.184.216.34/closed",
      eventTypes: ["chat.closed"],
    });
    const { endpoint: disabled } = await createWebhookEndpoint(rep, {
      companyId: company.id,
      url: "http://93.184.216.34/off",
      eventTypes: ["message.created"],
    });
    await updateWebhookEndpoint(rep, disabled.id, { enabled: false });

    const { chat } = await getOrCreateChat(buyer, { companyId: company.id, content: "hello" });
    const rows = await deliveriesOf(endpointId);
    assert.deepEqual(rows.map((row) => row.eventType).sort(), ["chat.created", "message.created"]);
    assert.equal(new Set(rows.map((row) => row.webhookId)).size, 2);
    for (const row of rows) {
      assert.match(row.webhookId, /^msg_[0-9a-f]{32}$/);
      assert.equal(row.status, "pending");
      const body = JSON.parse(row.body);
      assert.equal(body.type, row.eventType);
      assert.equal(body.data.chat_id, chat.id);
    }
    assert.deepEqual(await deliveriesOf(closedOnly.id), []);
    assert.deepEqual(await deliveriesOf(disabled.id), []);
    assert.deepEqual(await deliveriesOf(other.endpointId), []);
    assert.equal(
      decryptWebhookSecret(
        (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).secretEncrypted,
      ),
      secret,
    );

    // A send that fails (closed chat) writes no outbox row.
    await db().chat.update({ where: { id: chat.id }, data: { isActive: false } });
    await assert.rejects(sendMessage(rep, "company", chat.id, { content: "refused" }));
    assert.equal((await deliveriesOf(endpointId)).length, 2);
  });
});

describe("webhook worker", () => {
  it("concurrent claims never hand out a delivery twice", async () => {
    const { company, buyer, endpointId } = await setUp(["message.created"]);
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    for (let i = 0; i < 40; i++) await sendMessage(buyer, "buyer", chat.id, { content: `m${i}` });
    const claimed: bigint[] = [];
    for (;;) {
      const batches = await Promise.all(Array.from({ length: 4 }, () => claimDueDeliveries(7, 60_000)));
      const rows = batches.flat();
      if (rows.length === 0) break;
      // Earlier tests' deliveries are claimed too; count this endpoint's.
      claimed.push(...rows.filter((row) => row.endpointId === endpointId).map((row) => row.id));
    }
    const rows = await deliveriesOf(endpointId);
    assert.equal(rows.length, 40);
    assert.equal(new Set(claimed).size, claimed.length, "no delivery claimed twice");
    assert.deepEqual([...claimed].sort(), rows.map((row) => row.id).sort());
  });

  it("two workers sending at once deliver each webhook exactly once, signed", async () => {
    const { company, buyer, receiver, endpointId, secret } = await setUp(["message.created"]);
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    for (let i = 0; i < 30; i++) await sendMessage(buyer, "buyer", chat.id, { content: `n${i}` });
    // Two loops side by side, as two instances run them, until nothing is due.
    const worker = async () => {
      while ((await runWebhookBatch({ limit: 4, allowPrivateUrls: true })) > 0) {}
    };
    await Promise.all([worker(), worker()]);
    const rows = await deliveriesOf(endpointId);
    assert.deepEqual(new Set(rows.map((row) => row.status)), new Set(["succeeded"]));
    assert.equal(receiver.received.length, 30);
    assert.equal(new Set(receiver.received.map((hook) => hook.id)).size, 30, "each webhook-id once");
    assert.ok(receiver.received.every((hook) => receiver.verified(secret, hook)));
  });

  it("an expired lease makes a delivery due again; the stale sender's result is ignored", async () => {
    const { company, buyer, endpointId } = await setUp(["chat.created"]);
    await getOrCreateChat(buyer, { companyId: company.id });
    const [first] = await claimDueDeliveries(100, 1).then((rows) =>
      rows.filter((r) => r.endpointId === endpointId),
    );
    assert.ok(first);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [second] = await claimDueDeliveries(100, 60_000).then((rows) =>
      rows.filter((r) => r.endpointId === endpointId),
    );
    assert.ok(second, "due again once the lease ran out");
    assert.equal(second.webhookId, first.webhookId, "the same webhook-id");
    assert.equal(second.attemptCount, 2);
    await recordAttempt(first, { statusCode: 200, latencyMs: 5, error: null });
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: first.id } });
    assert.equal(row.status, "delivering", "the stale result did not overwrite the newer attempt");
    await recordAttempt(second, { statusCode: 200, latencyMs: 5, error: null });
    assert.equal(
      (await db().webhookDelivery.findUniqueOrThrow({ where: { id: first.id } })).status,
      "succeeded",
    );
    assert.equal(
      await db().webhookAttempt.count({ where: { deliveryId: first.id } }),
      2,
      "both attempts logged",
    );
  });

  it("retries by the schedule, then fails; an endpoint failing for longer than the limit is disabled", async () => {
    const { company, rep, buyer, endpointId } = await setUp(["chat.created", "message.created"]);
    await getOrCreateChat(buyer, { companyId: company.id });
    const claim = async () =>
      (await claimDueDeliveries(100, 60_000)).filter((row) => row.endpointId === endpointId);
    const t0 = new Date();
    const [attempt1] = await claim();
    assert.ok(attempt1);
    await recordAttempt(attempt1, { statusCode: 503, latencyMs: 12, error: null }, t0);
    let row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: attempt1.id } });
    assert.equal(row.status, "pending");
    const wait = row.nextAttemptAt.getTime() - t0.getTime();
    assert.ok(wait >= 900 && wait <= 1100, `first retry after ~1 s (was ${wait} ms)`);
    assert.equal(row.lastError, "HTTP 503");
    let endpoint = await getWebhookEndpointOrThrow(rep, endpointId);
    assert.equal(endpoint.failingSince?.getTime(), t0.getTime());

    for (const step of [2, 3]) {
      await db().webhookDelivery.update({ where: { id: attempt1.id }, data: { nextAttemptAt: new Date(0) } });
      const [next] = await claim();
      assert.equal(next?.attemptCount, step);
      await recordAttempt(next!, { statusCode: null, latencyMs: 3, error: "connect ECONNREFUSED" }, t0);
    }
    row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: attempt1.id } });
    assert.equal(row.status, "failed", "two retries configured: the third failure is final");

    // Another delivery waits; a failure more than an hour into the run disables the endpoint.
    await sendMessage(
      buyer,
      "buyer",
      (await db().chat.findFirstOrThrow({ where: { companyId: company.id } })).id,
      {
        content: "later",
      },
    );
    const [late] = await claim();
    assert.ok(late);
    await recordAttempt(
      late,
      { statusCode: 500, latencyMs: 3, error: null },
      new Date(t0.getTime() + 3_600_001),
    );
    endpoint = await getWebhookEndpointOrThrow(rep, endpointId);
    assert.equal(endpoint.enabled, false);
    assert.match(endpoint.disabledReason ?? "", /failed without a success for more than 1 hour/);
    await sendMessage(
      buyer,
      "buyer",
      (await db().chat.findFirstOrThrow({ where: { companyId: company.id } })).id,
      {
        content: "while disabled",
      },
    );
    assert.deepEqual(await claim(), [], "a disabled endpoint is neither enqueued nor claimed");

    const enabled = await updateWebhookEndpoint(rep, endpointId, { enabled: true });
    assert.deepEqual([enabled.enabled, enabled.failingSince, enabled.disabledReason], [true, null, null]);
  });
});

describe("webhook URLs", () => {
  it("refuses private, loopback and link-local targets and other schemes when not allowed", async () => {
    for (const url of [
      "http://127.0.0.1:8080/",
      "http://localhost/",
      "http://10.1.2.3/",
      "http://192.168.0.10/",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/",
      "http://[fd00::1]/",
      "http://0.0.0.0/",
      "ftp://93.184.216.34/",
      "javascript:alert(1)",
    ]) {
      await rejects422(checkWebhookUrl(url, false), url);
    }
    assert.equal((await checkWebhookUrl("https://93.184.216.34/hooks", false)).hostname, "93.184.216.34");
    assert.equal((await checkWebhookUrl("http://127.0.0.1:8080/", true)).port, "8080");
  });

  it("registration refuses them too (the setting is off in this file), and the sender refuses after DNS", async () => {
    const company = await createCompany();
    const rep: Actor = await createUser({ companyId: company.id });
    await rejects422(
      createWebhookEndpoint(rep, {
        companyId: company.id,
        url: "http://127.0.0.1:3000/",
        eventTypes: ["chat.created"],
      }),
      "loopback at registration",
    );
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    for (const url of [receiver.url, receiver.url.replace("127.0.0.1", "localhost")]) {
      const outcome = await postWebhook(url, {}, "{}", { timeoutMs: 2_000, allowPrivate: false });
      assert.equal(outcome.statusCode, null, url);
      assert.match(outcome.error ?? "", /private address/, url);
    }
    assert.equal(receiver.received.length, 0, "nothing reached the loopback receiver");
    const allowed = await postWebhook(receiver.url, {}, "{}", { timeoutMs: 2_000, allowPrivate: true });
    assert.equal(allowed.statusCode, 204);
  });
});

// runWebhookBatch is the server's loop body; with private targets refused it records a refusal.
describe("runWebhookBatch", () => {
  it("records a refused private target as a failed attempt without sending", async () => {
    const { company, buyer, receiver, endpointId } = await setUp(["chat.created"]);
    await getOrCreateChat(buyer, { companyId: company.id });
    let claimed = 0;
    for (let i = 0; i < 5 && claimed === 0; i++) claimed += await runWebhookBatch({ limit: 100 });
    const [row] = await deliveriesOf(endpointId);
    assert.equal(row?.status, "pending");
    assert.match(row?.lastError ?? "", /private address/);
    assert.equal(receiver.received.length, 0);
  });
});

describe("pruneFinishedDeliveries", () => {
  it("removes finished deliveries past the retention and keeps recent and unfinished ones", async () => {
    const { company, buyer, endpointId } = await setUp(["message.created"]);
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    for (let i = 0; i < 3; i++) await sendMessage(buyer, "buyer", chat.id, { content: `p${i}` });
    const [old, recent, waiting] = await deliveriesOf(endpointId);
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    await db().webhookDelivery.update({
      where: { id: old!.id },
      data: { status: "succeeded", nextAttemptAt: longAgo },
    });
    await db().webhookDelivery.update({ where: { id: recent!.id }, data: { status: "failed" } });
    await db().webhookDelivery.update({
      where: { id: waiting!.id },
      data: { status: "pending", nextAttemptAt: longAgo },
    });
    await pruneFinishedDeliveries();
    assert.deepEqual(
      (await deliveriesOf(endpointId)).map((row) => row.id),
      [recent!.id, waiting!.id],
    );
  });
});
