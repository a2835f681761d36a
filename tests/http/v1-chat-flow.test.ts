// The guide's conversation rules, end to end over the versioned API: who reads what, who
// replied, closing and reopening, and paging through messages, chats and companies.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { type Answer, asAdmin, call, makeWorld, signUp } from "../support/http";

type Message = {
  id: number;
  chat_id: number;
  sender_type: "user" | "company";
  sender: { id: number; name: string } | null;
  content: string;
  read_at: string | null;
};

const tag = () => randomUUID().slice(0, 8);

function expectStatus(answer: Answer, status: number, what: string): void {
  assert.equal(answer.status, status, `${what}: ${answer.text}`);
}

async function startChat(token: string, companyId: number, content?: string): Promise<number> {
  const answer = await call("POST", "/api/v1/chats", { token, body: { company_id: companyId, content } });
  assert.ok(answer.status === 201 || answer.status === 200, `start chat: ${answer.status} ${answer.text}`);
  return answer.body.id;
}

async function send(token: string, path: string, content: string): Promise<Message> {
  const answer = await call("POST", path, { token, body: { content } });
  expectStatus(answer, 201, `send to ${path}`);
  return answer.body;
}

async function unread(
  token: string,
): Promise<{ buyer: { total: number; chats: number }; company: { total: number; chats: number } }> {
  const answer = await call("GET", "/api/v1/unread-count", { token });
  expectStatus(answer, 200, "unread-count");
  return answer.body;
}

async function allMessages(token: string, path: string): Promise<Message[]> {
  const answer = await call("GET", `${path}?limit=100`, { token });
  expectStatus(answer, 200, `list ${path}`);
  return answer.body.data;
}

async function createCompany(admin: string, name: string, description = ""): Promise<number> {
  const answer = await call("POST", "/api/v1/admin/companies", { token: admin, body: { name, description } });
  expectStatus(answer, 201, "create company");
  return answer.body.id;
}

describe("v1 chat flow: read rules", () => {
  it("buyer's message is unread for the company until a representative marks it read", async () => {
    const w = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, content: "  Is the flat still available?  " },
    });
    expectStatus(started, 201, "start chat");
    const chatId: number = started.body.id;
    assert.equal(started.body.initial_message.content, "Is the flat still available?", "content is trimmed");
    assert.equal(started.body.initial_message.sender_type, "user");
    assert.equal(started.body.initial_message.sender.id, w.buyer.id);
    assert.equal(started.body.unread_count, 0, "the buyer's own message is not unread for the buyer");

    assert.deepEqual((await unread(w.directRep.token)).company, { total: 1, chats: 1 });
    assert.deepEqual((await unread(w.groupRep.token)).company, { total: 1, chats: 1 });
    assert.deepEqual((await unread(w.buyer.token)).buyer, { total: 0, chats: 0 });

    const unreadList = await call("GET", "/api/v1/company/chats?unread=true", { token: w.groupRep.token });
    assert.deepEqual(
      unreadList.body.data.map((c: { id: number }) => c.id),
      [chatId],
    );
    assert.equal(unreadList.body.data[0].unread_count, 1);

    // Reading is safe: listing messages and opening the chat mark nothing.
    await allMessages(w.directRep.token, `/api/v1/company/chats/${chatId}/messages`);
    await call("GET", `/api/v1/company/chats/${chatId}`, { token: w.directRep.token });
    assert.deepEqual((await unread(w.directRep.token)).company, { total: 1, chats: 1 });

    const read = await call("POST", `/api/v1/company/chats/${chatId}/read`, { token: w.directRep.token });
    expectStatus(read, 200, "company marks read");
    assert.deepEqual(read.body, { marked_read: 1 });
    assert.deepEqual((await unread(w.directRep.token)).company, { total: 0, chats: 0 });
    assert.deepEqual(
      (await unread(w.groupRep.token)).company,
      { total: 0, chats: 0 },
      "read for the whole company",
    );
    const afterRead = await call("GET", "/api/v1/company/chats?unread=true", { token: w.groupRep.token });
    assert.deepEqual(afterRead.body.data, []);
    const again = await call("POST", `/api/v1/company/chats/${chatId}/read`, { token: w.groupRep.token });
    assert.deepEqual(again.body, { marked_read: 0 });

    const [buyerView] = await allMessages(w.buyer.token, `/api/v1/chats/${chatId}/messages`);
    assert.ok(buyerView?.read_at, "the buyer sees their message read");
  });

  it("a representative's reply is unread for the buyer until the buyer POSTs read", async () => {
    const w = await makeWorld();
    const chatId = await startChat(w.buyer.token, w.companyA, "Hello");
    const reply = await send(w.groupRep.token, `/api/v1/company/chats/${chatId}/messages`, "Yes, it is.");
    assert.equal(reply.sender_type, "company");
    assert.equal(reply.read_at, null);

    assert.deepEqual((await unread(w.buyer.token)).buyer, { total: 1, chats: 1 });
    // The company's own reply is not unread for the company; the buyer's first message still is.
    assert.deepEqual((await unread(w.groupRep.token)).company, { total: 1, chats: 1 });
    const chat = await call("GET", `/api/v1/chats/${chatId}`, { token: w.buyer.token });
    assert.equal(chat.body.unread_count, 1);
    assert.equal(chat.body.last_message.content, "Yes, it is.");

    await allMessages(w.buyer.token, `/api/v1/chats/${chatId}/messages`);
    assert.deepEqual((await unread(w.buyer.token)).buyer, { total: 1, chats: 1 }, "GET does not mark read");

    const read = await call("POST", `/api/v1/chats/${chatId}/read`, { token: w.buyer.token });
    expectStatus(read, 200, "buyer marks read");
    assert.deepEqual(read.body, { marked_read: 1 });
    assert.deepEqual((await unread(w.buyer.token)).buyer, { total: 0, chats: 0 });
    assert.deepEqual(
      (await unread(w.groupRep.token)).company,
      { total: 1, chats: 1 },
      "the buyer's read does not touch the company side",
    );
    const messages = await allMessages(w.groupRep.token, `/api/v1/company/chats/${chatId}/messages`);
    assert.equal(messages.find((m) => m.id === reply.id)?.read_at !== null, true);
    assert.equal(messages.find((m) => m.sender_type === "user")?.read_at, null);
  });

  it("GET on the read endpoints is not allowed: marking read is a POST", async () => {
    const w = await makeWorld();
    const chatId = await startChat(w.buyer.token, w.companyA, "Hello");
    const buyerGet = await call("GET", `/api/v1/chats/${chatId}/read`, { token: w.buyer.token });
    const companyGet = await call("GET", `/api/v1/company/chats/${chatId}/read`, {
      token: w.directRep.token,
    });
    assert.equal(buyerGet.status, 405);
    assert.equal(companyGet.status, 405);
    assert.deepEqual((await unread(w.directRep.token)).company, { total: 1, chats: 1 });
  });

  it("a representative who is also a buyer elsewhere sees both sides counted apart", async () => {
    const w = await makeWorld();
    const asBuyer = await startChat(w.directRep.token, w.companyB, "Asking company B");
    await send(w.otherRep.token, `/api/v1/company/chats/${asBuyer}/messages`, "B answers");
    await send(w.otherRep.token, `/api/v1/company/chats/${asBuyer}/messages`, "B answers again");
    await startChat(w.buyer.token, w.companyA, "Asking company A");
    assert.deepEqual(await unread(w.directRep.token), {
      buyer: { total: 2, chats: 1 },
      company: { total: 1, chats: 1 },
    });
    // Company B has the rep's question unread; company A's traffic is not B's.
    assert.deepEqual(await unread(w.otherRep.token), {
      buyer: { total: 0, chats: 0 },
      company: { total: 1, chats: 1 },
    });
    // The rep's own buyer chat is not one of company A's chats, and vice versa.
    const companyList = await call("GET", "/api/v1/company/chats", { token: w.directRep.token });
    assert.equal(
      companyList.body.data.some((c: { id: number }) => c.id === asBuyer),
      false,
    );
    const buyerList = await call("GET", "/api/v1/chats", { token: w.directRep.token });
    assert.deepEqual(
      buyerList.body.data.map((c: { id: number }) => c.id),
      [asBuyer],
    );
  });
});

describe("v1 chat flow: who replied", () => {
  it("each reply records the representative who wrote it", async () => {
    const w = await makeWorld();
    const chatId = await startChat(w.buyer.token, w.companyA, "Hi");
    const fromDirect = await send(
      w.directRep.token,
      `/api/v1/company/chats/${chatId}/messages`,
      "From the direct rep",
    );
    const fromGroup = await send(
      w.groupRep.token,
      `/api/v1/company/chats/${chatId}/messages`,
      "From the group rep",
    );
    const fromAdmin = await send(w.admin, `/api/v1/company/chats/${chatId}/messages`, "From the admin");
    assert.equal(fromDirect.sender?.id, w.directRep.id);
    assert.equal(fromGroup.sender?.id, w.groupRep.id);
    assert.equal(fromDirect.sender?.name, "direct-rep");
    assert.equal(fromGroup.sender?.name, "group-rep");
    assert.equal(fromAdmin.sender_type, "company");

    const seenByBuyer = await allMessages(w.buyer.token, `/api/v1/chats/${chatId}/messages`);
    assert.deepEqual(
      seenByBuyer.map((m) => [m.sender_type, m.sender?.id, m.content]),
      [
        ["user", w.buyer.id, "Hi"],
        ["company", w.directRep.id, "From the direct rep"],
        ["company", w.groupRep.id, "From the group rep"],
        ["company", fromAdmin.sender?.id, "From the admin"],
      ],
    );
    const list = await call("GET", "/api/v1/chats", { token: w.buyer.token });
    assert.equal(list.body.data[0].last_message.id, fromAdmin.id);
  });
});

describe("v1 chat flow: closing and reopening", () => {
  it("a closed chat refuses sends from both sides with 409, and accepts them again once reopened", async () => {
    const w = await makeWorld();
    const chatId = await startChat(w.buyer.token, w.companyA, "Before closing");
    const buyerPath = `/api/v1/chats/${chatId}/messages`;
    const companyPath = `/api/v1/company/chats/${chatId}/messages`;

    const closed = await call("PATCH", `/api/v1/company/chats/${chatId}`, {
      token: w.directRep.token,
      body: { is_active: false },
    });
    expectStatus(closed, 200, "close");
    assert.equal(closed.body.is_active, false);
    assert.equal(
      (await call("GET", `/api/v1/chats/${chatId}`, { token: w.buyer.token })).body.is_active,
      false,
    );

    const refused = await Promise.all([
      call("POST", buyerPath, { token: w.buyer.token, body: { content: "buyer after close" } }),
      call("POST", companyPath, { token: w.directRep.token, body: { content: "direct rep after close" } }),
      call("POST", companyPath, { token: w.groupRep.token, body: { content: "group rep after close" } }),
      call("POST", companyPath, { token: w.admin, body: { content: "admin after close" } }),
      call("POST", "/api/v1/chats", {
        token: w.buyer.token,
        body: { company_id: w.companyA, content: "restart by content" },
      }),
    ]);
    for (const answer of refused) {
      assert.equal(answer.status, 409, answer.text);
      assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/);
      assert.equal(answer.body.status, 409);
    }
    // Without content, get-or-create still answers the existing (closed) chat.
    const existing = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA },
    });
    expectStatus(existing, 200, "get existing closed chat");
    assert.equal(existing.body.id, chatId);
    assert.equal(existing.body.is_active, false);

    assert.deepEqual(
      (await allMessages(w.buyer.token, buyerPath)).map((m) => m.content),
      ["Before closing"],
    );
    assert.deepEqual((await unread(w.buyer.token)).buyer, { total: 0, chats: 0 });
    assert.deepEqual((await unread(w.groupRep.token)).company, { total: 1, chats: 1 });

    const closedList = await call("GET", "/api/v1/company/chats?is_active=false", {
      token: w.groupRep.token,
    });
    assert.deepEqual(
      closedList.body.data.map((c: { id: number }) => c.id),
      [chatId],
    );
    const openList = await call("GET", "/api/v1/company/chats?is_active=true", { token: w.groupRep.token });
    assert.deepEqual(openList.body.data, []);

    const reopened = await call("PATCH", `/api/v1/company/chats/${chatId}`, {
      token: w.groupRep.token,
      body: { is_active: true },
    });
    expectStatus(reopened, 200, "reopen");
    assert.equal(reopened.body.is_active, true);
    await send(w.buyer.token, buyerPath, "buyer after reopen");
    const reply = await send(w.directRep.token, companyPath, "rep after reopen");
    assert.equal(reply.sender?.id, w.directRep.id);
    assert.deepEqual(
      (await allMessages(w.buyer.token, buyerPath)).map((m) => m.content),
      ["Before closing", "buyer after reopen", "rep after reopen"],
    );
  });
});

describe("v1 chat flow: message pages", () => {
  it("pages 7 messages by 3 with before, and forward with after, has_more and next_cursor", async () => {
    const w = await makeWorld();
    const chatId = await startChat(w.buyer.token, w.companyA);
    const sent: Message[] = [];
    for (let i = 1; i <= 7; i++) {
      const token = i % 2 ? w.buyer.token : w.directRep.token;
      const path = i % 2 ? `/api/v1/chats/${chatId}/messages` : `/api/v1/company/chats/${chatId}/messages`;
      sent.push(await send(token, path, `m${i}`));
    }
    const id = (n: number) => sent[n - 1]?.id;
    for (const base of [`/api/v1/chats/${chatId}/messages`, `/api/v1/company/chats/${chatId}/messages`]) {
      const token = base.includes("/company/") ? w.groupRep.token : w.buyer.token;
      const page = async (query: string) => {
        const answer = await call("GET", `${base}?${query}`, { token });
        expectStatus(answer, 200, `${base}?${query}`);
        return {
          contents: (answer.body.data as Message[]).map((m) => m.content),
          has_more: answer.body.has_more as boolean,
          next_cursor: answer.body.next_cursor as string | null,
        };
      };
      const newest = await page("limit=3");
      assert.deepEqual(newest, { contents: ["m5", "m6", "m7"], has_more: true, next_cursor: String(id(5)) });
      const older = await page(`limit=3&before=${newest.next_cursor}`);
      assert.deepEqual(older, { contents: ["m2", "m3", "m4"], has_more: true, next_cursor: String(id(2)) });
      const oldest = await page(`limit=3&before=${older.next_cursor}`);
      assert.deepEqual(oldest, { contents: ["m1"], has_more: false, next_cursor: null });

      const forward = await page(`limit=3&after=${id(1)}`);
      assert.deepEqual(forward, { contents: ["m2", "m3", "m4"], has_more: true, next_cursor: String(id(4)) });
      const forward2 = await page(`limit=3&after=${forward.next_cursor}`);
      assert.deepEqual(forward2, { contents: ["m5", "m6", "m7"], has_more: false, next_cursor: null });
      assert.deepEqual(await page(`limit=3&after=${id(7)}`), {
        contents: [],
        has_more: false,
        next_cursor: null,
      });
      assert.deepEqual(await page(`limit=7`), {
        contents: ["m1", "m2", "m3", "m4", "m5", "m6", "m7"],
        has_more: false,
        next_cursor: null,
      });
    }
    const both = await call("GET", `/api/v1/chats/${chatId}/messages?before=${id(5)}&after=${id(1)}`, {
      token: w.buyer.token,
    });
    assert.equal(both.status, 422);
  });

  it("a message cursor from another chat does not reveal that chat's messages", async () => {
    const w = await makeWorld();
    const mine = await startChat(w.buyer.token, w.companyA, "mine");
    const theirs = await startChat(w.otherBuyer.token, w.companyA, "theirs");
    const theirMessage = await send(w.otherBuyer.token, `/api/v1/chats/${theirs}/messages`, "secret");
    const answer = await call("GET", `/api/v1/chats/${mine}/messages?before=${theirMessage.id + 1}`, {
      token: w.buyer.token,
    });
    expectStatus(answer, 200, "page with a foreign cursor");
    assert.deepEqual(
      (answer.body.data as Message[]).map((m) => m.content),
      ["mine"],
    );
  });
});

describe("v1 chat flow: chat lists page by cursor", () => {
  it("the buyer's chats come newest activity first, page by page, without gaps or repeats", async () => {
    const admin = await asAdmin();
    const buyer = await signUp("pager");
    const companies: number[] = [];
    for (let i = 0; i < 5; i++) companies.push(await createCompany(admin, `Pager ${tag()} ${i}`));
    const chats: number[] = [];
    for (const company of companies) chats.push(await startChat(buyer.token, company, "hello"));
    // Activity moves a chat to the top: the first chat gets a new message last.
    await send(buyer.token, `/api/v1/chats/${chats[0]}/messages`, "bump");
    const expected = [chats[0], chats[4], chats[3], chats[2], chats[1]];

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : "limit=2";
      const answer = await call("GET", `/api/v1/chats?${query}`, { token: buyer.token });
      expectStatus(answer, 200, "chat page");
      assert.ok(answer.body.data.length <= 2);
      seen.push(...answer.body.data.map((c: { id: number }) => c.id));
      cursor = answer.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, expected);
    assert.equal(pages, 3);
  });

  it("a representative pages through the company's chats by cursor", async () => {
    const w = await makeWorld();
    const buyers = [w.buyer, w.otherBuyer, await signUp("third-buyer")];
    const chats: number[] = [];
    for (const buyer of buyers) chats.push(await startChat(buyer.token, w.companyA, `from ${buyer.email}`));
    const first = await call("GET", "/api/v1/company/chats?limit=2", { token: w.groupRep.token });
    expectStatus(first, 200, "first page");
    assert.deepEqual(
      first.body.data.map((c: { id: number }) => c.id),
      [chats[2], chats[1]],
    );
    assert.equal(typeof first.body.next_cursor, "string");
    const second = await call(
      "GET",
      `/api/v1/company/chats?limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`,
      {
        token: w.groupRep.token,
      },
    );
    assert.deepEqual(
      second.body.data.map((c: { id: number }) => c.id),
      [chats[0]],
    );
    assert.equal(second.body.next_cursor, null);
    // The company side sees the buyer's email; the buyer side does not echo it.
    assert.equal(first.body.data[0].buyer.email, buyers[2]?.email);
    const buyerSide = await call("GET", "/api/v1/chats", { token: w.buyer.token });
    assert.equal(buyerSide.body.data[0].buyer.email, undefined);
  });
});

describe("v1 chat flow: company directory", () => {
  it("q searches names and descriptions case-insensitively and shows the caller's chat and unread count", async () => {
    const w = await makeWorld();
    const word = `zq${tag()}`;
    const byName = await createCompany(w.admin, `${word.toUpperCase()} Homes`);
    const byDescription = await createCompany(w.admin, `Realty ${tag()}`, `We are ${word} people`);
    await createCompany(w.admin, `Unrelated ${tag()}`);

    const search = async (token: string, query: string) => {
      const answer = await call("GET", `/api/v1/companies?${query}`, { token });
      expectStatus(answer, 200, `companies?${query}`);
      return answer.body as {
        data: { id: number; name: string; chat_id: number | null; unread_count: number }[];
        next_cursor: string | null;
      };
    };
    const found = await search(w.buyer.token, `q=${word}`);
    assert.deepEqual(new Set(found.data.map((c) => c.id)), new Set([byName, byDescription]));
    assert.deepEqual(
      found.data.map((c) => [c.chat_id, c.unread_count]),
      [
        [null, 0],
        [null, 0],
      ],
    );
    assert.equal(found.next_cursor, null);

    const chatId = await startChat(w.buyer.token, byName, "hello");
    await call("PUT", `/api/v1/admin/groups/company_${byName}/members/${w.groupRep.id}`, { token: w.admin });
    await send(w.groupRep.token, `/api/v1/company/chats/${chatId}/messages`, "reply 1");
    await send(w.groupRep.token, `/api/v1/company/chats/${chatId}/messages`, "reply 2");

    const mine = (await search(w.buyer.token, `q=${word.toUpperCase()}`)).data.find((c) => c.id === byName);
    assert.deepEqual([mine?.chat_id, mine?.unread_count], [chatId, 2]);
    const others = (await search(w.otherBuyer.token, `q=${word}`)).data.find((c) => c.id === byName);
    assert.deepEqual(
      [others?.chat_id, others?.unread_count],
      [null, 0],
      "another buyer sees no chat of theirs",
    );

    await call("POST", `/api/v1/chats/${chatId}/read`, { token: w.buyer.token });
    const afterRead = (await search(w.buyer.token, `q=${word}`)).data.find((c) => c.id === byName);
    assert.equal(afterRead?.unread_count, 0);

    const firstPage = await search(w.buyer.token, `q=${word}&limit=1`);
    assert.equal(firstPage.data.length, 1);
    assert.equal(typeof firstPage.next_cursor, "string");
    const secondPage = await search(
      w.buyer.token,
      `q=${word}&limit=1&cursor=${encodeURIComponent(firstPage.next_cursor ?? "")}`,
    );
    assert.equal(secondPage.data.length, 1);
    assert.equal(secondPage.next_cursor, null);
    assert.deepEqual(
      new Set([...firstPage.data, ...secondPage.data].map((c) => c.id)),
      new Set([byName, byDescription]),
    );
    assert.deepEqual((await search(w.buyer.token, `q=${word}-nothing-matches`)).data, []);
  });
});
