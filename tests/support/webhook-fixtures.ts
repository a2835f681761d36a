// Webhook endpoints and finished deliveries for tables of routes (the authorization matrix, the
// API-key scope table): each needs real ids of company A's endpoints to call the webhook routes.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { call } from "./http";
import { pause, WebhookReceiver } from "./webhook-receiver";

/** What the fixtures need: who may manage company A's webhooks, and a chat of company A. */
export type WebhookWorld = { admin: string; companyA: number; chatId: number; buyer: { token: string } };

// One loopback receiver per test file, answering 200 to everything.
let receiver: Promise<WebhookReceiver> | undefined;
export async function receiverUrl(): Promise<string> {
  receiver ??= new WebhookReceiver().start();
  return (await receiver).url;
}
export async function stopReceiver(): Promise<void> {
  await (await receiver)?.stop();
}

/** A new endpoint of company A, made by the admin. */
export async function freshEndpoint(w: WebhookWorld, eventTypes = ["chat.reopened"]): Promise<number> {
  const created = await call("POST", "/api/v1/company/webhooks", {
    token: w.admin,
    body: { company_id: w.companyA, url: await receiverUrl(), event_types: eventTypes },
  });
  assert.equal(created.status, 201, `setting up a webhook endpoint: ${created.text}`);
  return created.body.id;
}

// By company: a company holds at most 20 endpoints, so routes that only read or touch one share it.
const shared = new Map<number, Promise<number>>();
/** One endpoint per company A, for routes that only read or touch it. */
export function sharedEndpoint(w: WebhookWorld): Promise<number> {
  let known = shared.get(w.companyA);
  if (!known) {
    known = freshEndpoint(w);
    shared.set(w.companyA, known);
  }
  return known;
}

/** An endpoint with one delivery that has succeeded: what redeliver needs (one per caller). */
export async function finishedDelivery(w: WebhookWorld): Promise<{ id: number; delivery_id: number }> {
  const id = await freshEndpoint(w, ["message.created"]);
  const sent = await call("POST", `/api/v1/chats/${w.chatId}/messages`, {
    token: w.buyer.token,
    body: { content: `for a webhook ${randomUUID().slice(0, 8)}` },
  });
  assert.equal(sent.status, 201, sent.text);
  for (let tries = 0; tries < 100; tries++) {
    const log = await call("GET", `/api/v1/company/webhooks/${id}/deliveries`, { token: w.admin });
    const delivery = log.body.data[0];
    if (delivery?.status === "succeeded") return { id, delivery_id: delivery.id };
    await pause(100);
  }
  throw new Error("the webhook delivery did not succeed");
}
