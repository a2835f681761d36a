// Internal notes over HTTP: the company side reads them and hears note.created (stream and
// webhook), while every surface of the buyer stays free of their text: their chat list and chat,
// messages, unread count, event stream, the original API, and webhooks of buyer-facing types.
// Saved replies' refusals live here too: the workspace's other company-only store.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { call, makeWorld, PASSWORD, type World } from "../support/http";
import { postSavedReply, savedRepliesPath } from "../support/saved-reply-fixtures";
import { SseClient } from "../support/sse";
import { WebhookReceiver } from "../support/webhook-receiver";

const BUYER_FACING = ["message.created", "chat.created", "messages.read", "chat.closed", "chat.reopened"];

describe("internal notes", () => {
  const secret = `note-secret-${randomUUID()}`;
  const afterNote = `after the note ${randomUUID()}`;
  let w: World;
  let chatId: number;
  let compatToken: string;
  let buyerStream: SseClient;
  let repStream: SseClient;
  let receiver: WebhookReceiver;

  const openStream = async (token: string) => {
    const stream = new SseClient(token);
    await stream.open();
    await stream.waitFor((events) => events.some((event) => event.event === "ready"), 5000, "ready");
    return stream;
  };
  /** What the buyer reads about their chats and unread messages, on both APIs. */
  const buyerReads = () =>
    Promise.all(
      [
        ["/api/v1/chats?limit=100", w.buyer.token],
        [`/api/v1/chats/${chatId}`, w.buyer.token],
        [`/api/v1/chats/${chatId}/messages?limit=100`, w.buyer.token],
        ["/api/v1/unread-count", w.buyer.token],
        ["/chats/", compatToken],
        [`/chats/${chatId}/`, compatToken],
        [`/chats/${chatId}/messages/`, compatToken],
        ["/chats/unread_count/", compatToken],
        ["/chat/companies-list/", compatToken],
      ].map(async ([path = "", token]) => {
        const answer = await call("GET", path, { token });
        assert.equal(answer.status, 200, `${path}: ${answer.text}`);
        return answer;
      }),
    );

  before(async () => {
    w = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, content: "Is the flat still free?" },
    });
    assert.equal(started.status, 201, started.text);
    chatId = started.body.id;
    const login = await call("POST", "/auth/login/", { body: { email: w.buyer.email, password: PASSWORD } });
    assert.equal(login.status, 200, login.text);
    compatToken = login.body.access;
    receiver = await new WebhookReceiver().start();
    const endpoint = await call("POST", "/api/v1/company/webhooks", {
      token: w.directRep.token,
      body: { company_id: w.companyA, url: receiver.url, event_types: [...BUYER_FACING, "note.created"] },
    });
    assert.equal(endpoint.status, 201, endpoint.text);
    [buyerStream, repStream] = await Promise.all([openStream(w.buyer.token), openStream(w.groupRep.token)]);
  });
  after(async () => {
    await Promise.all([buyerStream?.close(), repStream?.close(), receiver?.stop()]);
  });

  it("the company side reads the note and hears note.created, on its stream and its webhook", async () => {
    const written = await call("POST", `/api/v1/company/chats/${chatId}/notes`, {
      token: w.directRep.token,
      body: { content: `  ${secret}  ` },
    });
    assert.equal(written.status, 201, written.text);
    assert.equal(written.body.content, secret);
    assert.equal(written.body.author.id, w.directRep.id);
    const listed = await call("GET", `/api/v1/company/chats/${chatId}/notes`, { token: w.groupRep.token });
    assert.deepEqual(
      listed.body.data.map((note: { content: string }) => note.content),
      [secret],
    );
    await repStream.waitFor(
      (events) =>
        events.some((event) => event.event === "note.created" && event.data.note?.content === secret),
      10_000,
      "note.created on the company stream",
    );
    await receiver.waitFor(
      () =>
        receiver.received.some((hook) => hook.json?.type === "note.created" && hook.body.includes(secret)),
      "the note.created webhook",
    );
  });

  it("every surface of the buyer stays free of the note", async () => {
    const sent = await call("POST", `/api/v1/chats/${chatId}/messages`, {
      token: w.buyer.token,
      body: { content: afterNote },
    });
    assert.equal(sent.status, 201, sent.text);
    // Both see the message written after the note: whatever the note sent them has arrived too.
    await buyerStream.waitFor(
      (events) => events.some((event) => JSON.stringify(event.data).includes(afterNote)),
      10_000,
      "the buyer's own message on their stream",
    );
    await receiver.waitFor(
      () =>
        receiver.received.some(
          (hook) => hook.json?.type === "message.created" && hook.body.includes(afterNote),
        ),
      "the message's webhook",
    );
    const reads = await buyerReads();
    const buyerSide = [
      ...reads.map((answer) => answer.text),
      ...buyerStream.events.map((event) => `${event.event} ${JSON.stringify(event.data)}`),
      ...receiver.received.filter((hook) => BUYER_FACING.includes(hook.json?.type)).map((hook) => hook.body),
    ];
    assert.deepEqual(
      buyerSide.filter((text) => text.includes(secret) || text.includes("note.created")),
      [],
    );
    // A note is not a message: the company has written nothing, so nothing is unread.
    assert.equal(reads[3]?.body.buyer.total, 0);
    const compatUnread = reads[7]?.body as { unread: number }[];
    assert.equal(
      compatUnread.reduce((sum, row) => sum + row.unread, 0),
      0,
    );
  });
});

describe("saved replies' refusals", () => {
  let w: World;
  before(async () => {
    w = await makeWorld();
  });

  it("a shortcut the company already uses is 409, and the first reply stays as it was", async () => {
    const first = await postSavedReply(w.directRep.token, w.companyA, { content: "The first" });
    const clash = await call("POST", savedRepliesPath(w.companyA), {
      token: w.groupRep.token,
      body: { shortcut: first.shortcut, content: "The second" },
    });
    assert.equal(clash.status, 409, clash.text);
    assert.match(clash.headers.get("content-type") ?? "", /^application\/problem\+json/);
    const other = await postSavedReply(w.directRep.token, w.companyA);
    const rename = await call("PATCH", `/api/v1/company/saved-replies/${other.id}`, {
      token: w.directRep.token,
      body: { shortcut: first.shortcut, content: "renamed" },
    });
    assert.equal(rename.status, 409, rename.text);
    const listed = await call("GET", savedRepliesPath(w.companyA), { token: w.groupRep.token });
    assert.deepEqual(
      listed.body.data
        .map((reply: { shortcut: string; content: string }) => [reply.shortcut, reply.content])
        .sort(),
      [
        [first.shortcut, "The first"],
        [other.shortcut, other.content],
      ].sort(),
    );
  });

  it("another company may use the same shortcut, and cannot touch ours (404)", async () => {
    const ours = await postSavedReply(w.directRep.token, w.companyA);
    const theirs = await postSavedReply(w.otherRep.token, w.companyB, { shortcut: ours.shortcut });
    assert.equal(theirs.shortcut, ours.shortcut);
    const [changed, deleted, listed] = await Promise.all([
      call("PATCH", `/api/v1/company/saved-replies/${ours.id}`, {
        token: w.otherRep.token,
        body: { content: "hijacked" },
      }),
      call("DELETE", `/api/v1/company/saved-replies/${ours.id}`, { token: w.otherRep.token }),
      call("GET", savedRepliesPath(w.companyA), { token: w.otherRep.token }),
    ]);
    assert.deepEqual([changed.status, deleted.status, listed.status], [404, 404, 404]);
    const mine = await call("GET", savedRepliesPath(w.companyA), { token: w.directRep.token });
    const kept = mine.body.data.find((reply: { id: number }) => reply.id === ours.id);
    assert.equal(kept?.content, ours.content);
  });
});
