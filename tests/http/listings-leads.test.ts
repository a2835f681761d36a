// Leads over HTTP, and where listings and leads show beyond their own routes: a lead posts into
// the buyer's chat as the buyer's message marked with its source, once per Idempotency-Key, all
// or nothing, and tells the company nothing about an existing account beyond what the lead said;
// events and webhooks carry the listing (lead.created on the company side only); the original
// API's shapes stay exactly as they were.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { assertMessageShape, COMPANY_CHAT_KEYS } from "../support/compat-shapes";
import { type Answer, call, makeWorld, PASSWORD, uniqueEmail, type World } from "../support/http";
import {
  aLead,
  assertProblem,
  companyKeyOf,
  type LeadBody,
  type ListingJson,
  putListing,
  uid,
} from "../support/listing-fixtures";
import { SseClient, type SseEvent } from "../support/sse";
import { pause, WebhookReceiver } from "../support/webhook-receiver";

const LEADS = "/api/v1/company/leads";
const streams: SseClient[] = [];
const receivers: WebhookReceiver[] = [];
after(async () => {
  await Promise.all([...streams.map((stream) => stream.close()), ...receivers.map((r) => r.stop())]);
});

function postLead(
  token: string,
  lead: LeadBody,
  idempotencyKey: string | null = `lead-${uid()}`,
  query = "",
) {
  return call("POST", `${LEADS}${query}`, {
    token,
    body: lead,
    headers: idempotencyKey === null ? {} : { "idempotency-key": idempotencyKey },
  });
}

async function messagesOf(token: string, chatId: number) {
  const answer = await call("GET", `/api/v1/company/chats/${chatId}/messages?limit=100`, { token });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data as {
    id: number;
    content: string;
    source: string | null;
    listing: any;
    sender: any;
  }[];
}

async function contactsNamed(admin: string, email: string) {
  const answer = await call("GET", `/api/v1/admin/users?q=${encodeURIComponent(email)}`, { token: admin });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data as unknown[];
}

async function openStream(token: string): Promise<SseClient> {
  const stream = new SseClient(token);
  streams.push(stream);
  await stream.open();
  await stream.waitFor((events) => events.some((event) => event.event === "ready"), 5000, "ready");
  return stream;
}

async function webhookReceiver(w: World, eventTypes: string[]): Promise<WebhookReceiver> {
  const receiver = await new WebhookReceiver().start();
  receivers.push(receiver);
  const endpoint = await call("POST", "/api/v1/company/webhooks", {
    token: w.directRep.token,
    body: { company_id: w.companyA, url: receiver.url, event_types: eventTypes },
  });
  assert.equal(endpoint.status, 201, endpoint.text);
  return receiver;
}

const ofType = (events: SseEvent[], type: string) => events.filter((event) => event.event === type);

describe("leads: a lead from a portal becomes the buyer's message in their chat", () => {
  it("starts the chat as the buyer, marked with its source, about the listing it names", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["leads:write", "listings:write"]);
    const listing = await putListing(key, w.companyA);
    const lead = aLead({
      email: uniqueEmail("Lead-Upper").toUpperCase(),
      listing_external_id: listing.external_id,
    });
    const answer = await postLead(key, lead);
    assert.equal(answer.status, 201, answer.text);
    assert.deepEqual(Object.keys(answer.body).sort(), ["buyer_id", "chat_id", "created", "message_id"]);
    assert.equal(answer.body.created, true);

    const chat = await call("GET", `/api/v1/company/chats/${answer.body.chat_id}`, {
      token: w.groupRep.token,
    });
    assert.equal(chat.status, 200, chat.text);
    assert.deepEqual(
      [chat.body.buyer.id, chat.body.buyer.name, chat.body.buyer.email, chat.body.unread_count],
      [answer.body.buyer_id, lead.name, lead.email.toLowerCase(), 1],
    );
    const [message, ...more] = await messagesOf(w.directRep.token, answer.body.chat_id);
    assert.deepEqual(more, []);
    assert.deepEqual(
      [message?.id, message?.content, message?.source, message?.listing?.id, message?.sender],
      [answer.body.message_id, lead.message, "Idealista", listing.id, null],
      "the buyer's message, posted by the portal (no sender), via its source, about the listing",
    );
    const panel = await call("GET", `/api/v1/company/chats/${answer.body.chat_id}/listings`, {
      token: w.directRep.token,
    });
    assert.deepEqual(
      panel.body.data.map((item: ListingJson) => item.id),
      [listing.id],
    );
    // A contact the lead made has no password: no password signs in as them.
    const signIn = await call("POST", "/api/v1/auth/token", {
      body: { email: lead.email, password: PASSWORD },
    });
    assert.equal(signIn.status, 401, signIn.text);

    // Another lead of the same person continues the same chat.
    const next = await postLead(key, aLead({ email: lead.email, message: "Or on Sunday?" }));
    assert.equal(next.status, 200, next.text);
    assert.deepEqual(
      [next.body.chat_id, next.body.buyer_id, next.body.created],
      [answer.body.chat_id, answer.body.buyer_id, false],
    );
    assert.equal((await messagesOf(w.directRep.token, answer.body.chat_id)).length, 2);
  });

  it("the same lead twice with the same Idempotency-Key is one message, whoever sends it again", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["leads:write"]);
    const lead = aLead();
    const idempotencyKey = `portal-${uid()}`;
    const first = await postLead(key, lead, idempotencyKey);
    assert.equal(first.status, 201, first.text);
    const retry = await postLead(key, lead, idempotencyKey);
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(retry.body, first.body);
    // A representative resending it with the same key (the key store is per caller, so this
    // reaches the lead itself): still the first message.
    const resent = await postLead(w.directRep.token, lead, idempotencyKey);
    assert.equal(resent.status, 200, resent.text);
    assert.deepEqual(
      [resent.body.chat_id, resent.body.message_id, resent.body.created],
      [first.body.chat_id, first.body.message_id, false],
    );
    const changed = await postLead(key, { ...lead, message: "Something else" }, idempotencyKey);
    assertProblem(changed, 422);
    const messages = await messagesOf(w.directRep.token, first.body.chat_id);
    assert.deepEqual(
      messages.map((message) => message.id),
      [first.body.message_id],
    );
  });

  it("a lead without Idempotency-Key, or one that fails, leaves no contact and no chat behind", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["leads:write"]);
    const chatsBefore = await call("GET", `/api/v1/company/chats?company_id=${w.companyA}`, {
      token: w.admin,
    });
    const attempts: [string, Answer, number][] = [];
    const withoutKey = aLead();
    attempts.push(["no Idempotency-Key", await postLead(key, withoutKey, null), 422]);
    const unknownListing = aLead({ listing_external_id: `nothing-${uid()}` });
    attempts.push(["unknown listing", await postLead(key, unknownListing), 404]);
    const badPhone = aLead({ phone: "call me maybe" });
    attempts.push(["phone that is not a number", await postLead(key, badPhone), 422]);
    const blankKey = aLead();
    attempts.push(["blank Idempotency-Key", await postLead(key, blankKey, " "), 422]);
    assert.deepEqual(
      attempts.map(([what, answer]) => [what, answer.status]),
      attempts.map(([what, , status]) => [what, status]),
    );
    for (const lead of [withoutKey, unknownListing, badPhone, blankKey]) {
      assert.deepEqual(await contactsNamed(w.admin, lead.email), [], `no contact for ${lead.email}`);
    }
    const chatsAfter = await call("GET", `/api/v1/company/chats?company_id=${w.companyA}`, {
      token: w.admin,
    });
    assert.deepEqual(chatsAfter.body, chatsBefore.body, "no chat was started");
  });

  it("a lead for an existing account's email tells the company only what the lead said", async () => {
    const w = await makeWorld();
    const accountName = `Private Name ${uid()}`;
    const email = uniqueEmail("account");
    const registered = await call("POST", "/api/v1/auth/register", {
      body: { email, name: accountName, password: PASSWORD },
    });
    assert.equal(registered.status, 201, registered.text);
    const repStream = await openStream(w.directRep.token);
    const receiver = await webhookReceiver(w, ["chat.created", "message.created", "lead.created"]);
    const key = await companyKeyOf(w, ["leads:write"]);

    const forAccount = await postLead(key, aLead({ email: email.toUpperCase(), name: "Lead Given Name" }));
    const forNobody = await postLead(key, aLead({ name: "Someone New" }));
    // The same answer whether the email had an account or not.
    for (const answer of [forAccount, forNobody]) {
      assert.equal(answer.status, 201, answer.text);
      assert.deepEqual(Object.keys(answer.body).sort(), ["buyer_id", "chat_id", "created", "message_id"]);
    }
    assert.equal(forAccount.body.buyer_id, registered.body.id);
    const chatId = forAccount.body.chat_id as number;

    const compatLogin = await call("POST", "/auth/login/", {
      body: { email: w.directRep.email, password: PASSWORD },
    });
    assert.equal(compatLogin.status, 200, compatLogin.text);
    const companyViews = await Promise.all([
      call("GET", `/api/v1/company/chats/${chatId}`, { token: w.directRep.token }),
      call("GET", `/api/v1/company/chats?company_id=${w.companyA}&limit=100`, { token: w.groupRep.token }),
      call("GET", `/api/v1/company/chats/${chatId}/messages`, { token: w.directRep.token }),
      call("GET", `/company-chats/${chatId}/`, { token: compatLogin.body.access }),
      call("GET", "/company-chats/", { token: compatLogin.body.access }),
    ]);
    const [oneChat, list, , compatChat] = companyViews;
    assert.equal(oneChat?.body.buyer.name, "Lead Given Name");
    assert.equal(
      list?.body.data.find((chat: { id: number }) => chat.id === chatId)?.buyer.name,
      "Lead Given Name",
    );
    assert.equal(compatChat?.body.user_name, "Lead Given Name");
    await repStream.waitFor(
      (events) => ofType(events, "lead.created").some((event) => event.data.chat_id === chatId),
      10_000,
      "the lead's event",
    );
    await receiver.waitFor(
      () =>
        receiver.received.some(
          (hook) => hook.json?.type === "lead.created" && hook.json.data.chat_id === chatId,
        ),
      "the lead's webhook",
    );
    const seen = [
      ...companyViews.map((answer) => answer.text),
      ...repStream.events.map((event) => JSON.stringify(event.data)),
      ...receiver.received.map((hook) => hook.body),
    ];
    assert.deepEqual(
      seen.filter((text) => text.includes(accountName)),
      [],
      "the account's own name reaches the company nowhere",
    );
  });
});

describe("listings and leads beyond their routes: events, webhooks, the original API", () => {
  it("lead.created reaches the company side only; message.created carries the listing and the source", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["leads:write", "listings:write"]);
    const listing = await putListing(key, w.companyA);
    const [repStream, buyerStream] = await Promise.all([
      openStream(w.groupRep.token),
      openStream(w.buyer.token),
    ]);
    const receiver = await webhookReceiver(w, ["message.created", "lead.created"]);

    const lead = aLead({ email: w.buyer.email, listing_external_id: listing.external_id });
    const posted = await postLead(key, lead);
    assert.equal(posted.status, 201, posted.text);
    const typed = await call("POST", `/api/v1/chats/${posted.body.chat_id}/messages`, {
      token: w.buyer.token,
      body: { content: "Is the price negotiable?", listing_id: listing.id },
    });
    assert.equal(typed.status, 201, typed.text);

    const leadMessage = (events: SseEvent[]) =>
      ofType(events, "message.created").find((event) => event.data.message.id === posted.body.message_id);
    const typedMessage = (events: SseEvent[]) =>
      ofType(events, "message.created").find((event) => event.data.message.id === typed.body.id);
    for (const stream of [repStream, buyerStream]) {
      await stream.waitFor(
        (events) => Boolean(leadMessage(events) && typedMessage(events)),
        10_000,
        "both messages",
      );
      const viaLead = leadMessage(stream.events)?.data.message;
      assert.deepEqual(
        [viaLead.source, viaLead.listing.id, viaLead.listing.external_id, viaLead.sender],
        ["Idealista", listing.id, listing.external_id, null],
      );
      const byBuyer = typedMessage(stream.events)?.data.message;
      assert.deepEqual([byBuyer.source, byBuyer.listing.id], [null, listing.id]);
    }
    await repStream.waitFor((events) => ofType(events, "lead.created").length > 0, 10_000, "lead.created");
    const [leadEvent] = ofType(repStream.events, "lead.created");
    assert.equal(leadEvent?.data.chat_id, posted.body.chat_id);
    assert.deepEqual(
      [
        leadEvent?.data.lead.name,
        leadEvent?.data.lead.email,
        leadEvent?.data.lead.phone,
        leadEvent?.data.lead.source,
        leadEvent?.data.lead.listing_id,
        leadEvent?.data.lead.message_id,
      ],
      [lead.name, lead.email, lead.phone, lead.source, listing.id, posted.body.message_id],
    );
    // The buyer's stream got the messages after the lead's event was written: had it been theirs
    // to see, it would be there by now.
    assert.deepEqual(ofType(buyerStream.events, "lead.created"), [], "a lead's details are the company's");

    await receiver.waitFor(() => receiver.received.length >= 3, "the lead's and both messages' webhooks");
    await pause(300);
    const hooks = receiver.received.map((hook) => hook.json);
    assert.deepEqual(hooks.map((hook) => hook.type).sort(), [
      "lead.created",
      "message.created",
      "message.created",
    ]);
    const hookOf = (messageId: number) =>
      hooks.find((hook) => hook.type === "message.created" && hook.data.message.id === messageId);
    assert.deepEqual(
      [
        hookOf(posted.body.message_id)?.data.message.source,
        hookOf(posted.body.message_id)?.data.message.listing.id,
      ],
      ["Idealista", listing.id],
    );
    assert.equal(hookOf(typed.body.id)?.data.message.listing.title, listing.title);
    const leadHook = hooks.find((hook) => hook.type === "lead.created");
    assert.deepEqual(
      [leadHook?.data.lead.listing_id, leadHook?.data.lead.message_id],
      [listing.id, posted.body.message_id],
    );
  });

  it("the original API's messages and chats keep exactly their keys", async () => {
    const w = await makeWorld();
    const key = await companyKeyOf(w, ["leads:write"]);
    const listing = await putListing(w.directRep.token, w.companyA);
    const asked = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, listing_id: listing.id, content: "About this flat" },
    });
    assert.equal(asked.status, 201, asked.text);
    const chatId = asked.body.id as number;
    assert.equal((await postLead(key, aLead({ email: w.buyer.email }))).status, 200);

    const login = async (email: string) => {
      const answer = await call("POST", "/auth/login/", { body: { email, password: PASSWORD } });
      assert.equal(answer.status, 200, answer.text);
      return answer.body.access as string;
    };
    const [buyer, rep] = [await login(w.buyer.email), await login(w.directRep.email)];

    const sent = await call("POST", `/chats/${chatId}/send_message/`, {
      token: buyer,
      body: { content: "Hello?" },
    });
    assert.equal(sent.status, 201, sent.text);
    const messages = await call("GET", `/chats/${chatId}/messages/`, { token: buyer });
    assert.equal(messages.status, 200, messages.text);
    assert.equal(messages.body.length, 3);
    for (const message of [sent.body, ...messages.body]) assertMessageShape(message);
    const reply = await call("POST", `/company-chats/${chatId}/reply/`, {
      token: rep,
      body: { content: "Yes." },
    });
    assert.equal(reply.status, 201, reply.text);
    assertMessageShape(reply.body.message);
    const companyChat = await call("GET", `/company-chats/${chatId}/`, { token: rep });
    assert.deepEqual(Object.keys(companyChat.body).sort(), COMPANY_CHAT_KEYS);
    assert.deepEqual(Object.keys(companyChat.body.last_message).sort(), [
      "content",
      "sender_type",
      "timestamp",
    ]);
  });
});
