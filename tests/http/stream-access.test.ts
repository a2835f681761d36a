// An open event stream follows its caller's access as it changes, within seconds, on every
// instance (lib/realtime/hub.ts, stream-access.ts). Streams are held on the test server; every
// change and every send goes through TEST_SECOND_BASE_URL when there is one (two instances on one
// PostgreSQL database), so the news must cross instances. For each change: the stream is told
// (`access.changed`, or `access.revoked` as its last frame) within 5 s, and a message of the lost
// company sent afterwards never reaches it, while one the caller still may see does.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { signInAsBrowser, signOutAsBrowser } from "../support/browser-session";
import { signJwt } from "../support/hostile-values";
import {
  type Answer,
  baseUrl,
  type CallOptions,
  call,
  makeWorld,
  PASSWORD,
  type World,
} from "../support/http";
import { serverSecret } from "../support/server-secret";
import { SseClient, type SseCredential } from "../support/sse";

const other = process.env.TEST_SECOND_BASE_URL;
/** A call through the other instance, when there is one. */
async function viaOther(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const target = other ?? baseUrl();
  const saved = process.env.TEST_BASE_URL;
  process.env.TEST_BASE_URL = target;
  try {
    return await call(method, path, options);
  } finally {
    process.env.TEST_BASE_URL = saved;
  }
}

const ok = async (what: string, answer: Promise<Answer>) => {
  const settled = await answer;
  assert.ok(settled.status < 300, `${what}: ${settled.status} ${settled.text}`);
  return settled.body;
};

const NOTICE_MS = 5_000;
const streams: SseClient[] = [];
after(async () => {
  await Promise.all(streams.map((stream) => stream.close()));
});

async function openStream(credential: SseCredential): Promise<SseClient> {
  const stream = new SseClient(credential);
  streams.push(stream);
  await stream.open();
  assert.equal(stream.status, 200);
  await stream.waitFor((events) => events.some((e) => e.event === "ready"), NOTICE_MS, "ready");
  return stream;
}

const contents = (stream: SseClient) =>
  stream.of("message.created").map((e) => e.data.message.content as string);

let world: World;
/** The buyer's chat with company A: the one access is lost to. */
let chatA: number;

before(async () => {
  world = await makeWorld();
  chatA = (
    await ok(
      "chat A",
      call("POST", "/api/v1/chats", { token: world.buyer.token, body: { company_id: world.companyA } }),
    )
  ).id;
});

/** A message in company A's chat, sent by the buyer through the other instance. */
async function sendInLostChat(): Promise<string> {
  const content = `lost ${randomUUID().slice(0, 8)}`;
  await ok(
    "send in A",
    viaOther("POST", `/api/v1/chats/${chatA}/messages`, { token: world.buyer.token, body: { content } }),
  );
  return content;
}

/**
 * Proves the stream no longer carries company A: a message in A, then one in a chat the caller
 * still sees (`stillSeen`, from `sender`); once the second arrives, the first must not have.
 */
async function assertLostCompanyA(
  stream: SseClient,
  stillSeen: { chatId: number; sender: string; path: string },
) {
  const lost = await sendInLostChat();
  const kept = `kept ${randomUUID().slice(0, 8)}`;
  await ok(
    "send kept",
    viaOther("POST", stillSeen.path, { token: stillSeen.sender, body: { content: kept } }),
  );
  await stream.waitFor(() => contents(stream).includes(kept), NOTICE_MS, "the message still visible");
  assert.ok(!contents(stream).includes(lost), "a message of the lost company reached the stream");
  return { lost, kept };
}

/** A chat of `person` as a buyer with company B, where company B's representative writes. */
async function ownBuyerChat(person: { token: string }) {
  const chat = await ok(
    "own chat",
    call("POST", "/api/v1/chats", { token: person.token, body: { company_id: world.companyB } }),
  );
  return {
    chatId: chat.id as number,
    sender: world.otherRep.token,
    path: `/api/v1/company/chats/${chat.id}/messages`,
  };
}

describe("open event streams follow access as it changes", () => {
  it("a representative unlinked from the company stops receiving it, and a resume obeys the new access", async () => {
    const rep = await signUpPerson((id) =>
      viaOther("PATCH", `/api/v1/admin/users/${id}`, {
        token: world.admin,
        body: { company_id: world.companyA },
      }),
    );
    const stillSeen = await ownBuyerChat(rep);
    const stream = await openStream(rep.token);
    const before = await sendInLostChat();
    await stream.waitFor(
      () => contents(stream).includes(before),
      NOTICE_MS,
      "company A's message while linked",
    );
    const resumeFrom = stream.lastEventId;

    await ok(
      "unlink",
      viaOther("PATCH", `/api/v1/admin/users/${rep.id}`, { token: world.admin, body: { company_id: null } }),
    );
    await stream.waitFor(
      (events) => events.some((e) => e.event === "access.changed"),
      NOTICE_MS,
      "access.changed",
    );
    assert.deepEqual(stream.of("access.changed").at(-1)?.data, { is_admin: false, company_ids: [] });
    const { lost, kept } = await assertLostCompanyA(stream, stillSeen);

    // Reconnecting from before both messages replays only what the new access allows.
    const resumed = new SseClient(rep.token);
    streams.push(resumed);
    await resumed.open(resumeFrom);
    await resumed.waitFor(() => contents(resumed).includes(kept), NOTICE_MS, "the kept message on resume");
    assert.ok(!contents(resumed).includes(lost));
  });

  it("a representative removed from the company_{id} group stops receiving it", async () => {
    const rep = await signUpPerson((id) =>
      viaOther("PUT", `/api/v1/admin/groups/company_${world.companyA}/members/${id}`, { token: world.admin }),
    );
    const stillSeen = await ownBuyerChat(rep);
    const stream = await openStream(rep.token);
    await ok(
      "remove",
      viaOther("DELETE", `/api/v1/admin/groups/company_${world.companyA}/members/${rep.id}`, {
        token: world.admin,
      }),
    );
    await stream.waitFor(
      (events) => events.some((e) => e.event === "access.changed"),
      NOTICE_MS,
      "access.changed",
    );
    await assertLostCompanyA(stream, stillSeen);
  });

  it("an admin whose rights are revoked stops receiving other companies' chats", async () => {
    const person = await signUpPerson((id) =>
      viaOther("PATCH", `/api/v1/admin/users/${id}`, { token: world.admin, body: { is_admin: true } }),
    );
    const stillSeen = await ownBuyerChat(person);
    const stream = await openStream(person.token);
    await ok(
      "revoke admin",
      viaOther("PATCH", `/api/v1/admin/users/${person.id}`, {
        token: world.admin,
        body: { is_admin: false },
      }),
    );
    await stream.waitFor(
      (events) => events.some((e) => e.event === "access.changed"),
      NOTICE_MS,
      "access.changed",
    );
    await assertLostCompanyA(stream, stillSeen);
  });

  it("a personal access token follows its owner's access", async () => {
    const rep = await signUpPerson((id) =>
      viaOther("PATCH", `/api/v1/admin/users/${id}`, {
        token: world.admin,
        body: { company_id: world.companyA },
      }),
    );
    const stillSeen = await ownBuyerChat(rep);
    const key = await ok(
      "personal key",
      call("POST", "/api/v1/api-keys", { token: rep.token, body: { name: "phone", scopes: ["chats:read"] } }),
    );
    const stream = await openStream(key.secret);
    await ok(
      "unlink",
      viaOther("PATCH", `/api/v1/admin/users/${rep.id}`, { token: world.admin, body: { company_id: null } }),
    );
    await stream.waitFor(
      (events) => events.some((e) => e.event === "access.changed"),
      NOTICE_MS,
      "access.changed",
    );
    await assertLostCompanyA(stream, stillSeen);
  });

  it("a revoked company key's stream ends, and the key cannot reopen it", async () => {
    const key = await ok(
      "company key",
      call("POST", "/api/v1/api-keys", {
        token: world.directRep.token,
        body: { name: `crm ${randomUUID().slice(0, 6)}`, company_id: world.companyA, scopes: ["chats:read"] },
      }),
    );
    const stream = await openStream(key.secret);
    await ok("revoke", viaOther("DELETE", `/api/v1/api-keys/${key.id}`, { token: world.directRep.token }));
    await assertRevoked(stream, "key_revoked");
    await assertReopenRefused(key.secret);
  });

  it("a signed-out token pair's stream ends", async () => {
    const person = await signUpPerson();
    const stream = await openStream(person.token);
    await ok("revoke", viaOther("POST", "/api/v1/auth/revoke", { token: person.token }));
    await assertRevoked(stream, "signed_out");
    await assertReopenRefused(person.token);
  });

  it("a browser signed out (in another tab, through another instance) loses its stream", async () => {
    const rep = await signUpPerson((id) =>
      viaOther("PATCH", `/api/v1/admin/users/${id}`, {
        token: world.admin,
        body: { company_id: world.companyA },
      }),
    );
    const { cookie } = await signInAsBrowser({ email: rep.email, password: PASSWORD });
    const stream = await openStream({ cookie });
    const answer = await signOutAsBrowser(cookie, { base: other ?? baseUrl() });
    assert.equal(answer.status, 302);
    await assertRevoked(stream, "signed_out");
    await assertReopenRefused({ cookie });
  });

  it("a bearer token's stream ends when the token expires", async () => {
    const person = await signUpPerson();
    // The same live session, in a token that expires in two seconds.
    const [, claims = ""] = person.token.split(".");
    const { sid } = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as { sid: string };
    const now = Math.floor(Date.now() / 1000);
    const shortLived = signJwt(`bearer-tokens:${serverSecret()}`, {
      iss: "estate-chat",
      token_type: "access",
      sid,
      iat: now,
      exp: now + 2,
      jti: randomUUID(),
    });
    const stream = await openStream(shortLived);
    await assertRevoked(stream, "expired");
    await assertReopenRefused(shortLived);
  });
});

type Person = { id: number; email: string; token: string };

/** A new user, given access by `grant` (through the other instance) before anything else. */
async function signUpPerson(grant?: (id: number) => Promise<Answer>): Promise<Person> {
  const email = `stream-${randomUUID().slice(0, 8)}@example.test`;
  const registered = await ok(
    "register",
    call("POST", "/api/v1/auth/register", { body: { email, name: "Stream", password: PASSWORD } }),
  );
  if (grant) await ok("grant", grant(registered.id));
  const token = await ok(
    "token",
    call("POST", "/api/v1/auth/token", { body: { email, password: PASSWORD } }),
  );
  return { id: registered.id, email, token: token.access_token };
}

async function assertRevoked(stream: SseClient, reason: string): Promise<void> {
  await stream.waitFor(() => stream.ended, NOTICE_MS, "the stream to end");
  assert.deepEqual(stream.events.at(-1), { id: undefined, event: "access.revoked", data: { reason } });
  // Nothing of company A after the end, whatever is sent.
  const count = stream.events.length;
  await sendInLostChat();
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(stream.events.length, count);
}

async function assertReopenRefused(credential: SseCredential): Promise<void> {
  const again = new SseClient(credential);
  streams.push(again);
  await again.open();
  assert.equal(again.status, 401);
}
