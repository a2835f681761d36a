// The compatibility API as a client of the original uses it: the original's paths (trailing
// slashes), its JSON shapes, and its defects fixed (see seed/ORIGINAL_API.md).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import { assertMessageShape, BUYER_CHAT_KEYS, COMPANY_CHAT_KEYS, DRF_TIME } from "../support/compat-shapes";
import { type Answer, call, makeWorld, PASSWORD, type World } from "../support/http";

const uid = () => randomUUID().slice(0, 8);

function expectStatus(answer: Answer, status: number) {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text}`);
}

async function login(email: string, password = PASSWORD): Promise<{ access: string; refresh: string }> {
  const answer = await call("POST", "/auth/login/", { body: { email, password } });
  expectStatus(answer, 200);
  return answer.body;
}

/** Walks `next` links (absolute URLs, as DRF gives them) until the chat shows up. */
async function findInPages(path: string, token: string, chatId: number) {
  let url: string | null = path;
  for (let pages = 0; url && pages < 200; pages++) {
    const answer = await call("GET", url, { token });
    expectStatus(answer, 200);
    const found = answer.body.results.find((chat: { id: number }) => chat.id === chatId);
    if (found) return found;
    url = answer.body.next;
  }
  return undefined;
}

async function createCompany(admin: string, name: string): Promise<number> {
  const answer = await call("POST", "/api/v1/admin/companies", {
    token: admin,
    body: { name, description: "" },
  });
  expectStatus(answer, 201);
  return answer.body.id;
}

/** The buyer's messages counted through the versioned API (a read that changes nothing). */
async function messageCount(token: string, chatId: number): Promise<number> {
  const answer = await call("GET", `/api/v1/chats/${chatId}/messages?limit=100`, { token });
  expectStatus(answer, 200);
  return answer.body.data.length;
}

describe("compatibility API: a client of the original, end to end", () => {
  let world: World;
  before(async () => {
    world = await makeWorld();
  });

  it("registers, logs in, chats with a company and both sides read each other", async () => {
    const email = `compat-${uid()}@example.test`;
    const username = `Compat Buyer ${uid()}`;
    const registered = await call("POST", "/auth/register/", {
      body: { email, username, password: PASSWORD, password2: PASSWORD },
    });
    expectStatus(registered, 201);
    assert.equal(registered.body.email, email);
    assert.equal(registered.body.username, username);
    assert.equal(registered.body.success, true);
    assert.deepEqual(registered.body.user, { id: registered.body.id, email, username });

    const buyer = await login(email);
    const claims = JSON.parse(Buffer.from(buyer.access.split(".")[1] ?? "", "base64url").toString("utf8"));
    assert.equal(claims.user_id, registered.body.id);
    assert.equal(claims.email, email);
    const rep = (await login(world.directRep.email)).access;
    const groupRep = (await login(world.groupRep.email)).access;

    // The directory, with the caller's own state per company.
    const directory = await call("GET", "/chat/companies-list/", { token: buyer.access });
    expectStatus(directory, 200);
    assert.ok(Array.isArray(directory.body));
    const listedA = directory.body.find((company: { id: number }) => company.id === world.companyA);
    assert.deepEqual(Object.keys(listedA).sort(), [
      "chat_id",
      "description",
      "has_chat",
      "id",
      "name",
      "unread_count",
    ]);
    assert.equal(listedA.has_chat, false);
    assert.equal(listedA.chat_id, null);

    // Start the chat with a first message.
    const started = await call("POST", `/chats/start/${world.companyA}/`, {
      token: buyer.access,
      body: { content: "Hello, is the flat on Main Street still available?" },
    });
    expectStatus(started, 201);
    const chatId: number = started.body.id;
    assert.deepEqual(Object.keys(started.body).sort(), [...BUYER_CHAT_KEYS, "initial_message"].sort());
    assert.equal(started.body.user, registered.body.id);
    assert.equal(started.body.company, world.companyA);
    assert.equal(started.body.is_active, true);
    assertMessageShape(started.body.initial_message);
    assert.equal(started.body.initial_message.sender_type, "user");
    assert.equal(started.body.last_message.sender_type, "user");
    assert.match(started.body.created_at, DRF_TIME);

    const sent = await call("POST", `/chats/${chatId}/send_message/`, {
      token: buyer.access,
      body: { content: "  Can I visit on Saturday?  " },
    });
    expectStatus(sent, 201);
    assertMessageShape(sent.body);
    assert.equal(sent.body.content, "Can I visit on Saturday?", "content is trimmed");
    assert.equal(sent.body.chat, chatId);
    assert.equal(sent.body.is_read, false);

    // The company side: the direct representative sees the chat with the buyer's unread count.
    const seen = await findInPages("/company-chats/", rep, chatId);
    assert.ok(seen, "the chat is in the representative's list");
    assert.deepEqual(Object.keys(seen).sort(), COMPANY_CHAT_KEYS);
    assert.equal(seen.user_email, email);
    assert.equal(seen.user_name, username);
    assert.equal(seen.unread_count, 2);

    const reply = await call("POST", `/company-chats/${chatId}/reply/`, {
      token: rep,
      body: { content: "Yes, it is." },
    });
    expectStatus(reply, 201);
    assertMessageShape(reply.body.message);
    assert.equal(reply.body.message.sender_type, "company");
    assert.deepEqual(Object.keys(reply.body.chat).sort(), COMPANY_CHAT_KEYS);
    assert.equal(reply.body.chat.last_message.content, "Yes, it is.");
    const groupReply = await call("POST", `/company-chats/${chatId}/reply/`, {
      token: groupRep,
      body: { content: "Saturday at ten works." },
    });
    expectStatus(groupReply, 201);

    // The buyer's counts, then reading the messages clears them (the original's side effect).
    const counts = await call("GET", "/chats/unread_count/", { token: buyer.access });
    expectStatus(counts, 200);
    assert.deepEqual(counts.body, [{ id: chatId, company__name: listedA.name, unread: 2 }]);
    const detail = await call("GET", `/chats/${chatId}/`, { token: buyer.access });
    expectStatus(detail, 200);
    assert.deepEqual(Object.keys(detail.body).sort(), BUYER_CHAT_KEYS);
    assert.equal(detail.body.unread_count, 2);
    assert.equal(detail.body.last_message.sender_type, "company");
    const afterDirectory = await call("GET", "/chat/companies-list/", { token: buyer.access });
    const stateA = afterDirectory.body.find((company: { id: number }) => company.id === world.companyA);
    assert.deepEqual([stateA.has_chat, stateA.chat_id, stateA.unread_count], [true, chatId, 2]);

    const messages = await call("GET", `/chats/${chatId}/messages/`, { token: buyer.access });
    expectStatus(messages, 200);
    assert.deepEqual(
      messages.body.map((m: { content: string }) => m.content),
      [
        "Hello, is the flat on Main Street still available?",
        "Can I visit on Saturday?",
        "Yes, it is.",
        "Saturday at ten works.",
      ],
    );
    messages.body.forEach(assertMessageShape);
    const companyMessages = messages.body.filter((m: { sender_type: string }) => m.sender_type === "company");
    assert.ok(companyMessages.every((m: { is_read: boolean }) => m.is_read));
    const cleared = await call("GET", "/chats/unread_count/", { token: buyer.access });
    assert.deepEqual(cleared.body, [{ id: chatId, company__name: listedA.name, unread: 0 }]);

    // The company side marks the buyer's messages read: by GET (the original) and by POST.
    const markedByGet = await call("GET", `/company-chats/${chatId}/mark_as_read/`, { token: rep });
    expectStatus(markedByGet, 200);
    assert.deepEqual(markedByGet.body, { success: true, messages_marked_read: 2 });
    const again = await call("POST", `/company-chats/${chatId}/mark_as_read/`, { token: groupRep });
    assert.deepEqual(again.body, { success: true, messages_marked_read: 0 });
    await call("POST", `/chats/${chatId}/send_message/`, {
      token: buyer.access,
      body: { content: "Thanks!" },
    });
    const markedByPost = await call("POST", `/company-chats/${chatId}/mark_as_read/`, { token: groupRep });
    expectStatus(markedByPost, 200);
    assert.deepEqual(markedByPost.body, { success: true, messages_marked_read: 1 });
    const companyView = await call("GET", `/company-chats/${chatId}/`, { token: rep });
    expectStatus(companyView, 200);
    assert.equal(companyView.body.unread_count, 0);

    // A refreshed access token works like the first.
    const refreshed = await call("POST", "/auth/login/refresh/", { body: { refresh: buyer.refresh } });
    expectStatus(refreshed, 200);
    assert.equal(typeof refreshed.body.access, "string");
    const withRefreshed = await call("GET", "/chats/", { token: refreshed.body.access });
    expectStatus(withRefreshed, 200);
    assert.deepEqual(
      withRefreshed.body.results.map((chat: { id: number }) => chat.id),
      [chatId],
    );
  });

  it("answers authentication failures as simplejwt did", async () => {
    const wrong = await call("POST", "/auth/login/", {
      body: { email: world.buyer.email, password: "not the password" },
    });
    expectStatus(wrong, 401);
    assert.deepEqual(wrong.body, { detail: "No active account found with the given credentials" });
    const missing = await call("POST", "/auth/login/", { body: {} });
    expectStatus(missing, 400);
    assert.deepEqual(missing.body, {
      email: ["This field is required."],
      password: ["This field is required."],
    });
    const anonymous = await call("GET", "/chats/");
    expectStatus(anonymous, 401);
    assert.deepEqual(anonymous.body, { detail: "Authentication credentials were not provided." });
    assert.match(anonymous.headers.get("www-authenticate") ?? "", /^Bearer/);
    const forged = await call("GET", "/chats/", { token: "not.a.token" });
    expectStatus(forged, 401);
    assert.equal(forged.body.detail, "Given token not valid for any token type");
    assert.equal(forged.body.code, "token_not_valid");
    const pair = await login(world.buyer.email);
    const refreshAsAccess = await call("GET", "/chats/", { token: pair.refresh });
    expectStatus(refreshAsAccess, 401);
    const accessAsRefresh = await call("POST", "/auth/login/refresh/", { body: { refresh: pair.access } });
    expectStatus(accessAsRefresh, 401);
    assert.deepEqual(accessAsRefresh.body, {
      detail: "Token is invalid or expired",
      code: "token_not_valid",
    });
    const noRefresh = await call("POST", "/auth/login/refresh/", { body: {} });
    expectStatus(noRefresh, 400);
    assert.deepEqual(noRefresh.body, { refresh: ["This field is required."] });
  });

  it("refuses bad registrations in the original's envelope", async () => {
    const email = `compat-reg-${uid()}@example.test`;
    const mismatch = await call("POST", "/auth/register/", {
      body: { email, username: "Mis Match", password: PASSWORD, password2: `${PASSWORD}!` },
    });
    expectStatus(mismatch, 400);
    assert.equal(mismatch.body.success, false);
    assert.deepEqual(mismatch.body.errors, { password: ["Password fields didn't match."] });
    assert.equal((await call("POST", "/auth/login/", { body: { email, password: PASSWORD } })).status, 401);

    const nul = await call("POST", "/auth/register/", {
      body: { email, username: "Nul\u0000Name", password: PASSWORD, password2: PASSWORD },
    });
    expectStatus(nul, 400);
    assert.deepEqual(nul.body.errors, { username: ["Null characters are not allowed."] });

    const missing = await call("POST", "/auth/register/", { body: { email } });
    expectStatus(missing, 400);
    assert.deepEqual(Object.keys(missing.body.errors).sort(), ["password", "password2", "username"]);

    const taken = await call("POST", "/auth/register/", {
      body: {
        email: world.buyer.email.toUpperCase(),
        username: "Dup",
        password: PASSWORD,
        password2: PASSWORD,
      },
    });
    expectStatus(taken, 400);
    assert.ok(taken.body.errors.email, taken.text);
  });
});

describe("compatibility API: the original's defects, fixed", () => {
  let world: World;
  before(async () => {
    world = await makeWorld();
  });

  it("a second POST /chats/ for the same company answers the existing chat with 200", async () => {
    const first = await call("POST", "/chats/", {
      token: world.buyer.token,
      body: { company: world.companyB },
    });
    expectStatus(first, 201);
    assert.deepEqual(Object.keys(first.body).sort(), BUYER_CHAT_KEYS);
    assert.equal(first.body.last_message, null);
    const second = await call("POST", "/chats/", {
      token: world.buyer.token,
      body: { company: world.companyB },
    });
    expectStatus(second, 200);
    assert.equal(second.body.id, first.body.id);
    const asString = await call("POST", "/chats/", {
      token: world.buyer.token,
      body: { company: String(world.companyB) },
    });
    expectStatus(asString, 200);
    assert.equal(asString.body.id, first.body.id);
    const started = await call("POST", `/chats/start/${world.companyB}/`, { token: world.buyer.token });
    expectStatus(started, 200);
    assert.equal(started.body.id, first.body.id);
    assert.equal("initial_message" in started.body, false);
    const list = await call("GET", "/chats/", { token: world.buyer.token });
    assert.equal(list.body.count, 1);
  });

  it("POST /chats/ explains a missing or unknown company per field; start/ answers 404", async () => {
    const chatsBefore = (await call("GET", "/chats/", { token: world.buyer.token })).body.count;
    const missing = await call("POST", "/chats/", { token: world.buyer.token, body: {} });
    expectStatus(missing, 400);
    assert.deepEqual(missing.body, { company: ["This field is required."] });
    const unknown = await call("POST", "/chats/", {
      token: world.buyer.token,
      body: { company: 2_000_000_000 },
    });
    expectStatus(unknown, 400);
    assert.deepEqual(unknown.body, { company: ['Invalid pk "2000000000" - object does not exist.'] });
    const wrongType = await call("POST", "/chats/", { token: world.buyer.token, body: { company: "abc" } });
    expectStatus(wrongType, 400);
    assert.deepEqual(wrongType.body, { company: ["Incorrect type. Expected pk value, received str."] });
    const startUnknown = await call("POST", "/chats/start/2000000000/", { token: world.buyer.token });
    expectStatus(startUnknown, 404);
    assert.deepEqual(startUnknown.body, { error: "Company not found" });
    const list = await call("GET", "/chats/", { token: world.buyer.token });
    assert.equal(list.body.count, chatsBefore, "nothing was created");
  });

  it("an inactive chat refuses send_message as well as reply, and start/ with content", async () => {
    const started = await call("POST", `/chats/start/${world.companyA}/`, {
      token: world.buyer.token,
      body: { content: "Hi" },
    });
    expectStatus(started, 201);
    const chatId = started.body.id;
    const closed = await call("PATCH", `/api/v1/company/chats/${chatId}`, {
      token: world.directRep.token,
      body: { is_active: false },
    });
    expectStatus(closed, 200);
    const messagesBefore = await messageCount(world.buyer.token, chatId);

    const send = await call("POST", `/chats/${chatId}/send_message/`, {
      token: world.buyer.token,
      body: { content: "Still there?" },
    });
    expectStatus(send, 400);
    assert.deepEqual(send.body, { error: "Cannot send message to inactive chat" });
    const reply = await call("POST", `/company-chats/${chatId}/reply/`, {
      token: world.groupRep.token,
      body: { content: "Closed." },
    });
    expectStatus(reply, 400);
    assert.deepEqual(reply.body, { error: "Cannot send message to inactive chat" });
    const restart = await call("POST", `/chats/start/${world.companyA}/`, {
      token: world.buyer.token,
      body: { content: "Again" },
    });
    expectStatus(restart, 400);
    assert.equal(await messageCount(world.buyer.token, chatId), messagesBefore);

    const detail = await call("GET", `/chats/${chatId}/`, { token: world.buyer.token });
    assert.equal(detail.body.is_active, false);
  });

  it("content is trimmed and bounded: blank, whitespace-only and 5,001 characters are refused", async () => {
    const chat = await call("POST", "/chats/", {
      token: world.otherBuyer.token,
      body: { company: world.companyA },
    });
    const chatId = chat.body.id;
    const tries: [unknown, string][] = [
      [{}, "Message content is required"],
      [{ content: "" }, "Message content is required"],
      [{ content: null }, "Message content is required"],
      [{ content: 42 }, "Message content is required"],
      [{ content: " \n\t " }, "Message content may not be blank."],
      [{ content: "x".repeat(5001) }, "Message content may be at most 5000 characters."],
    ];
    for (const [body, error] of tries) {
      const send = await call("POST", `/chats/${chatId}/send_message/`, {
        token: world.otherBuyer.token,
        body,
      });
      expectStatus(send, 400);
      assert.deepEqual(send.body, { error }, JSON.stringify(body).slice(0, 60));
      const reply = await call("POST", `/company-chats/${chatId}/reply/`, {
        token: world.directRep.token,
        body,
      });
      expectStatus(reply, 400);
      assert.deepEqual(reply.body, { error });
    }
    const blankStart = await call("POST", `/chats/start/${world.companyB}/`, {
      token: world.otherBuyer.token,
      body: { content: "   " },
    });
    expectStatus(blankStart, 400);
    assert.equal(await messageCount(world.otherBuyer.token, chatId), 0);
    const longest = await call("POST", `/chats/${chatId}/send_message/`, {
      token: world.otherBuyer.token,
      body: { content: "y".repeat(5000) },
    });
    expectStatus(longest, 201);
    assert.equal(longest.body.content.length, 5000);
  });

  it("last_message is cut to 50 characters plus '...', counting characters as Python does", async () => {
    const chat = await call("POST", `/chats/start/${world.companyA}/`, {
      token: world.otherBuyer.token,
      body: { content: "a".repeat(50) },
    });
    assert.equal(chat.body.last_message.content, "a".repeat(50));
    const chatId = chat.body.id;
    await call("POST", `/chats/${chatId}/send_message/`, {
      token: world.otherBuyer.token,
      body: { content: "b".repeat(51) },
    });
    let detail = await call("GET", `/chats/${chatId}/`, { token: world.otherBuyer.token });
    assert.equal(detail.body.last_message.content, `${"b".repeat(50)}...`);
    await call("POST", `/chats/${chatId}/send_message/`, {
      token: world.otherBuyer.token,
      body: { content: "🏠".repeat(51) },
    });
    detail = await call("GET", `/chats/${chatId}/`, { token: world.otherBuyer.token });
    assert.equal(detail.body.last_message.content, `${"🏠".repeat(50)}...`);
    const messages = await call("GET", `/chats/${chatId}/messages/`, { token: world.otherBuyer.token });
    assert.equal(messages.body.at(-1).content, "🏠".repeat(51), "messages/ keeps the full text");
  });

  it("wrong methods are 405 and change nothing: DELETE does not delete, PATCH does not move a chat", async () => {
    const chat = await call("POST", "/chats/", {
      token: world.buyer.token,
      body: { company: world.companyA },
    });
    const chatId = chat.body.id;
    const patched = await call("PATCH", `/chats/${chatId}/`, {
      token: world.buyer.token,
      body: { company: world.companyB },
    });
    expectStatus(patched, 405);
    assert.deepEqual(patched.body, { detail: 'Method "PATCH" not allowed.' });
    assert.equal(patched.headers.get("allow"), "GET, HEAD, OPTIONS");
    const deleted = await call("DELETE", `/chats/${chatId}/`, { token: world.buyer.token });
    expectStatus(deleted, 405);
    assert.deepEqual(deleted.body, { detail: 'Method "DELETE" not allowed.' });
    const detail = await call("GET", `/chats/${chatId}/`, { token: world.buyer.token });
    expectStatus(detail, 200);
    assert.equal(detail.body.company, world.companyA);
  });

  it("paths without the trailing slash: POST works in place, GET redirects with 301", async () => {
    const chat = await call("POST", "/chats", {
      token: world.otherBuyer.token,
      body: { company: world.companyB },
    });
    assert.ok([200, 201].includes(chat.status), chat.text);
    const chatId = chat.body.id;
    const sent = await call("POST", `/chats/${chatId}/send_message`, {
      token: world.otherBuyer.token,
      body: { content: "No slash" },
    });
    expectStatus(sent, 201);
    assert.equal(sent.body.content, "No slash");
    const marked = await call("POST", `/company-chats/${chatId}/mark_as_read`, {
      token: world.otherRep.token,
    });
    expectStatus(marked, 200);
    assert.equal(marked.body.messages_marked_read, 1);

    const redirected = await call("GET", "/chats?page=1", { token: world.otherBuyer.token });
    expectStatus(redirected, 301);
    const location = new URL(redirected.headers.get("location") ?? "", "http://x");
    assert.equal(location.pathname, "/chats/");
    assert.equal(location.search, "?page=1");
    const followed = await call("GET", `/chats/${chatId}/messages`, {
      token: world.otherBuyer.token,
      redirect: "follow",
    });
    expectStatus(followed, 200);
    assert.equal(followed.body.length, 1);
  });

  it("companies-list reports the caller's real chat and unread count, ordered by name", async () => {
    const chat = await call("POST", `/chats/start/${world.companyB}/`, { token: world.buyer.token });
    const chatId = chat.body.id;
    await call("POST", `/company-chats/${chatId}/reply/`, {
      token: world.otherRep.token,
      body: { content: "One" },
    });
    await call("POST", `/company-chats/${chatId}/reply/`, {
      token: world.otherRep.token,
      body: { content: "Two" },
    });
    const mine = await call("GET", "/chat/companies-list/", { token: world.buyer.token });
    const theirs = await call("GET", "/chat/companies-list/", { token: world.otherBuyer.token });
    const pick = (answer: Answer, id: number) =>
      answer.body.find((company: { id: number }) => company.id === id);
    const b = pick(mine, world.companyB);
    assert.deepEqual([b.has_chat, b.chat_id, b.unread_count], [true, chatId, 2]);
    const other = pick(theirs, world.companyB);
    assert.ok(other.chat_id !== chatId, "another buyer never sees this buyer's chat");
    const ids = mine.body.map((company: { id: number }) => company.id);
    assert.ok(ids.indexOf(world.companyA) < ids.indexOf(world.companyB), "A… sorts before B…");
  });
});

describe("compatibility API: page-number pagination", () => {
  it("10 a page, newest first, absolute next/previous links, 404 past the end", async () => {
    const world = await makeWorld();
    const extra = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createCompany(world.admin, `Page ${i} ${uid()}`)),
    );
    const companies = [world.companyA, world.companyB, ...extra];
    for (const company of companies) {
      expectStatus(await call("POST", "/chats/", { token: world.buyer.token, body: { company } }), 201);
    }
    const first = await call("GET", "/chats/", {
      token: world.buyer.token,
      headers: { "x-forwarded-host": "estate.example:8443" },
    });
    expectStatus(first, 200);
    assert.equal(first.body.count, 12);
    assert.equal(first.body.results.length, 10);
    assert.equal(first.body.previous, null);
    assert.equal(first.body.next, "http://estate.example:8443/chats/?page=2");
    assert.deepEqual(
      first.body.results.map((chat: { company: number }) => chat.company),
      companies.slice(2).reverse(),
      "newest updated_at first",
    );
    const second = await call("GET", "/chats/?page=2", { token: world.buyer.token });
    expectStatus(second, 200);
    assert.equal(second.body.results.length, 2);
    assert.equal(second.body.next, null);
    assert.equal(new URL(second.body.previous).pathname, "/chats/");
    assert.equal(new URL(second.body.previous).search, "", "page 1 drops the parameter, as DRF does");
    for (const page of ["3", "0", "abc", "-1", "1.5", ""]) {
      const answer = await call("GET", `/chats/?page=${page}`, { token: world.buyer.token });
      expectStatus(answer, 404);
      assert.deepEqual(answer.body, { detail: "Invalid page." });
    }
    const bogusHost = await call("GET", "/chats/", {
      token: world.buyer.token,
      headers: { "x-forwarded-host": "bad host/x" },
    });
    expectStatus(bogusHost, 200);
    assert.ok(!String(bogusHost.body.next).includes("bad host"));

    // A buyer who represents no company has an empty company side, not an error.
    const empty = await call("GET", "/company-chats/", { token: world.buyer.token });
    assert.deepEqual(empty.body, { count: 0, next: null, previous: null, results: [] });
    const adminSees = await findInPages("/company-chats/", world.admin, first.body.results[0].id);
    assert.ok(adminSees, "a superuser sees every company's chats");
  });
});
