// Races a real client produces: double-clicked "start chat", retried sends, retries that
// overlap. Each must leave exactly one chat or one message behind.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { type Answer, call, makeWorld } from "../support/http";

const statusesOf = (answers: Answer[]) => answers.map((answer) => answer.status).sort();

async function contents(token: string, chatId: number): Promise<string[]> {
  const answer = await call("GET", `/api/v1/chats/${chatId}/messages?limit=100`, { token });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data.map((message: { content: string }) => message.content);
}

describe("v1 concurrency: get-or-create chat", () => {
  it("20 concurrent starts for one company make one chat: one 201, nineteen 200, one id", async () => {
    const w = await makeWorld();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call("POST", "/api/v1/chats", { token: w.buyer.token, body: { company_id: w.companyA } }),
      ),
    );
    assert.deepEqual(
      statusesOf(answers),
      [...Array(19).fill(200), 201],
      answers.map((a) => a.text).join("\n"),
    );
    const ids = new Set(answers.map((answer) => answer.body.id));
    assert.equal(ids.size, 1);
    const list = await call("GET", "/api/v1/chats?limit=100", { token: w.buyer.token });
    assert.deepEqual(
      list.body.data.map((chat: { id: number }) => chat.id),
      [...ids],
    );
    const companySide = await call("GET", "/api/v1/company/chats?limit=100", { token: w.directRep.token });
    assert.deepEqual(
      companySide.body.data.map((chat: { id: number }) => chat.id),
      [...ids],
    );
  });

  it("concurrent starts by two buyers make one chat each", async () => {
    const w = await makeWorld();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call("POST", "/api/v1/chats", {
          token: (i % 2 ? w.buyer : w.otherBuyer).token,
          body: { company_id: w.companyA },
        }),
      ),
    );
    assert.deepEqual(statusesOf(answers), [...Array(8).fill(200), 201, 201]);
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 2);
  });

  it("concurrent starts with the same content and Idempotency-Key leave one chat and one message", async () => {
    const w = await makeWorld();
    const key = `start-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        call("POST", "/api/v1/chats", {
          token: w.buyer.token,
          body: { company_id: w.companyA, content: "Is it still for sale?" },
          headers: { "idempotency-key": key },
        }),
      ),
    );
    // The Idempotency-Key store lets one run; duplicates arriving meanwhile get 409 (the IETF
    // draft's "still in flight"), later ones a replay of its 201.
    for (const answer of answers) assert.ok(answer.status === 201 || answer.status === 409, answer.text);
    const done = answers.filter((answer) => answer.status === 201);
    assert.equal(done.filter((answer) => !answer.headers.get("idempotent-replayed")).length, 1);
    assert.equal(new Set(done.map((answer) => answer.body.id)).size, 1);
    assert.equal(new Set(done.map((answer) => answer.body.initial_message?.id)).size, 1);
    assert.deepEqual(await contents(w.buyer.token, done[0]?.body.id), ["Is it still for sale?"]);
    const counts = await call("GET", "/api/v1/unread-count", { token: w.directRep.token });
    assert.deepEqual(counts.body.company, { total: 1, chats: 1 });
  });
});

describe("v1 concurrency: idempotent sends", () => {
  async function chatOf() {
    const w = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA },
    });
    assert.equal(started.status, 201, started.text);
    return { w, chatId: started.body.id as number };
  }

  it("a retried send with the same Idempotency-Key returns the first message, marked as a replay", async () => {
    const { w, chatId } = await chatOf();
    const key = randomUUID();
    const send = () =>
      call("POST", `/api/v1/chats/${chatId}/messages`, {
        token: w.buyer.token,
        body: { content: "Once only" },
        headers: { "idempotency-key": key },
      });
    const first = await send();
    const retry = await send();
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get("idempotent-replayed"), null);
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(retry.body, first.body);
    assert.equal(first.body.client_message_id, key);
    // client_message_id in the body names the same key.
    const viaBody = await call("POST", `/api/v1/chats/${chatId}/messages`, {
      token: w.buyer.token,
      body: { content: "Once only", client_message_id: key },
    });
    assert.equal(viaBody.body.id, first.body.id);
    assert.equal(viaBody.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(await contents(w.buyer.token, chatId), ["Once only"]);
    const counts = await call("GET", "/api/v1/unread-count", { token: w.groupRep.token });
    assert.deepEqual(counts.body.company, { total: 1, chats: 1 }, "a replay is not counted again");
  });

  it("5 concurrent sends with one Idempotency-Key store one message; exactly one is not a replay or 409", async () => {
    const { w, chatId } = await chatOf();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call("POST", `/api/v1/chats/${chatId}/messages`, {
          token: w.buyer.token,
          body: { content: "Racing" },
          headers: { "idempotency-key": key },
        }),
      ),
    );
    for (const answer of answers) assert.ok(answer.status === 201 || answer.status === 409, answer.text);
    const done = answers.filter((answer) => answer.status === 201);
    assert.equal(new Set(done.map((answer) => answer.body.id)).size, 1);
    assert.equal(done.filter((answer) => !answer.headers.get("idempotent-replayed")).length, 1);
    assert.deepEqual(await contents(w.buyer.token, chatId), ["Racing"]);
    const chat = await call("GET", `/api/v1/company/chats/${chatId}`, { token: w.directRep.token });
    assert.equal(chat.body.unread_count, 1);
  });

  it("5 concurrent company replies with one client_message_id store one reply", async () => {
    const { w, chatId } = await chatOf();
    const key = randomUUID();
    const answers = await Promise.all(
      [w.directRep, w.groupRep, w.directRep, w.groupRep, w.directRep].map((rep) =>
        call("POST", `/api/v1/company/chats/${chatId}/messages`, {
          token: rep.token,
          body: { content: "Reply", client_message_id: key },
        }),
      ),
    );
    assert.deepEqual(statusesOf(answers), [201, 201, 201, 201, 201], answers.map((a) => a.text).join("\n"));
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
    assert.deepEqual(await contents(w.buyer.token, chatId), ["Reply"]);
    const counts = await call("GET", "/api/v1/unread-count", { token: w.buyer.token });
    assert.deepEqual(counts.body.buyer, { total: 1, chats: 1 });
  });

  it("the same key with other content is a 422, and stores nothing", async () => {
    const { w, chatId } = await chatOf();
    const key = randomUUID();
    const path = `/api/v1/chats/${chatId}/messages`;
    const first = await call("POST", path, {
      token: w.buyer.token,
      body: { content: "Original" },
      headers: { "idempotency-key": key },
    });
    assert.equal(first.status, 201, first.text);
    const other = await call("POST", path, {
      token: w.buyer.token,
      body: { content: "Different" },
      headers: { "idempotency-key": key },
    });
    assert.equal(other.status, 422, other.text);
    assert.match(other.headers.get("content-type") ?? "", /^application\/problem\+json/);
    assert.equal(other.body.status, 422);
    const otherViaBody = await call("POST", path, {
      token: w.buyer.token,
      body: { content: "Different", client_message_id: key },
    });
    assert.equal(otherViaBody.status, 422, otherViaBody.text);
    assert.deepEqual(await contents(w.buyer.token, chatId), ["Original"]);
  });

  it("5 concurrent sends with one key and different contents: one 201, four 422, one message", async () => {
    const { w, chatId } = await chatOf();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call("POST", `/api/v1/chats/${chatId}/messages`, {
          token: w.buyer.token,
          body: { content: `Version ${i}` },
          headers: { "idempotency-key": key },
        }),
      ),
    );
    assert.deepEqual(statusesOf(answers), [201, 422, 422, 422, 422], answers.map((a) => a.text).join("\n"));
    const winner = answers.find((answer) => answer.status === 201);
    assert.deepEqual(await contents(w.buyer.token, chatId), [winner?.body.content]);
  });

  it("one key used by the buyer and by the company names two different messages", async () => {
    const { w, chatId } = await chatOf();
    const key = randomUUID();
    const fromBuyer = await call("POST", `/api/v1/chats/${chatId}/messages`, {
      token: w.buyer.token,
      body: { content: "Q" },
      headers: { "idempotency-key": key },
    });
    const fromCompany = await call("POST", `/api/v1/company/chats/${chatId}/messages`, {
      token: w.directRep.token,
      body: { content: "A" },
      headers: { "idempotency-key": key },
    });
    assert.equal(fromBuyer.status, 201, fromBuyer.text);
    assert.equal(fromCompany.status, 201, fromCompany.text);
    assert.notEqual(fromCompany.body.id, fromBuyer.body.id);
    assert.equal(fromCompany.body.sender_type, "company");
    assert.deepEqual(await contents(w.buyer.token, chatId), ["Q", "A"]);
  });

  it("a client_message_id is scoped to its chat; an Idempotency-Key to its caller", async () => {
    const w = await makeWorld();
    const [a, b] = await Promise.all([
      call("POST", "/api/v1/chats", { token: w.buyer.token, body: { company_id: w.companyA } }),
      call("POST", "/api/v1/chats", { token: w.buyer.token, body: { company_id: w.companyB } }),
    ]);
    const key = randomUUID();
    const inA = await call("POST", `/api/v1/chats/${a.body.id}/messages`, {
      token: w.buyer.token,
      body: { content: "same", client_message_id: key },
    });
    const inB = await call("POST", `/api/v1/chats/${b.body.id}/messages`, {
      token: w.buyer.token,
      body: { content: "same", client_message_id: key },
    });
    assert.equal(inA.status, 201);
    assert.equal(inB.status, 201);
    assert.notEqual(inA.body.id, inB.body.id);
    assert.equal(inB.headers.get("idempotent-replayed"), null);
    assert.equal(inB.body.chat_id, b.body.id);
    // As a header the key names one request of this caller: reused elsewhere, it is a 422.
    const headerKey = randomUUID();
    const first = await call("POST", `/api/v1/chats/${a.body.id}/messages`, {
      token: w.buyer.token,
      body: { content: "same" },
      headers: { "idempotency-key": headerKey },
    });
    const reused = await call("POST", `/api/v1/chats/${b.body.id}/messages`, {
      token: w.buyer.token,
      body: { content: "same" },
      headers: { "idempotency-key": headerKey },
    });
    assert.equal(first.status, 201);
    assert.equal(reused.status, 422, reused.text);
  });

  it("concurrent sends and a mark-read keep the unread count exact", async () => {
    const { w, chatId } = await chatOf();
    const sends = Array.from({ length: 10 }, (_, i) =>
      call("POST", `/api/v1/chats/${chatId}/messages`, {
        token: w.buyer.token,
        body: { content: `burst ${i}` },
      }),
    );
    const reads = Array.from({ length: 3 }, () =>
      call("POST", `/api/v1/company/chats/${chatId}/read`, { token: w.directRep.token }),
    );
    const [sent, marked] = await Promise.all([Promise.all(sends), Promise.all(reads)]);
    assert.deepEqual(statusesOf(sent), Array(10).fill(201));
    const markedTotal = marked.reduce((sum, answer) => sum + (answer.body.marked_read as number), 0);
    const chat = await call("GET", `/api/v1/company/chats/${chatId}`, { token: w.directRep.token });
    assert.equal(chat.body.unread_count, 10 - markedTotal);
    const messages = await call("GET", `/api/v1/company/chats/${chatId}/messages?limit=100`, {
      token: w.directRep.token,
    });
    const unreadRows = messages.body.data.filter(
      (message: { read_at: string | null }) => message.read_at === null,
    ).length;
    assert.equal(chat.body.unread_count, unreadRows, "the counter matches the rows");
    const counts = await call("GET", "/api/v1/unread-count", { token: w.groupRep.token });
    assert.equal(counts.body.company.total, unreadRows);
  });
});
