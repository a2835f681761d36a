// API keys over HTTP: made, listed and revoked by people; used as bearer tokens within their
// scopes; company keys only ever the company side of their one company.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import { SCOPES, type Scope } from "../../lib/auth/scopes";
import { type Answer, call, makeWorld, type World } from "../support/http";

type Ctx = World & { chatId: number; otherChatId: number };

const tag = () => randomUUID().slice(0, 8);

function expectStatus(answer: Answer, status: number, what: string): void {
  assert.equal(answer.status, status, `${what}: ${answer.text}`);
}

/** A key made through the API by `token` (a person): personal, or for `companyId`. */
async function makeKey(
  token: string,
  scopes: readonly Scope[],
  extra: { company_id?: number; expires_at?: string; name?: string } = {},
): Promise<{ id: number; secret: string; prefix: string }> {
  const answer = await call("POST", "/api/v1/api-keys", {
    token,
    body: { name: extra.name ?? `key ${tag()}`, scopes, ...extra },
  });
  expectStatus(answer, 201, "create key");
  return answer.body;
}

async function makeCtx(): Promise<Ctx> {
  const world = await makeWorld();
  const [inA, inB] = await Promise.all([
    call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA, content: "Hi A" },
    }),
    call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyB, content: "Hi B" },
    }),
  ]);
  expectStatus(inA, 201, "chat with A");
  expectStatus(inB, 201, "chat with B");
  return { ...world, chatId: inA.body.id, otherChatId: inB.body.id };
}

describe("API keys: making, listing, revoking", () => {
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  it("shows the secret once, lists the key without it, and revokes it", async () => {
    const made = await makeKey(ctx.directRep.token, ["chats:read"], {
      company_id: ctx.companyA,
      name: "CRM sync",
    });
    assert.match(made.secret, /^esk_[0-9a-f]{16}_[\w-]{43}$/);
    assert.equal(made.secret.startsWith(made.prefix), true);
    const listed = await call("GET", `/api/v1/api-keys?company_id=${ctx.companyA}`, {
      token: ctx.groupRep.token,
    });
    expectStatus(listed, 200, "list");
    const entry = listed.body.data.find((key: { id: number }) => key.id === made.id);
    assert.ok(entry, "the other representative sees the company's key");
    assert.equal(entry.name, "CRM sync");
    assert.equal(entry.kind, "company");
    assert.deepEqual(entry.scopes, ["chats:read"]);
    assert.equal(entry.created_by.id, ctx.directRep.id);
    assert.equal(listed.text.includes(made.secret.slice(21)), false, "no secret in the list");
    assert.equal("secret" in entry, false);

    const used = await call("GET", "/api/v1/company/chats", { token: made.secret });
    expectStatus(used, 200, "use");
    const relisted = await call("GET", `/api/v1/api-keys?company_id=${ctx.companyA}`, {
      token: ctx.directRep.token,
    });
    assert.ok(relisted.body.data.find((key: { id: number }) => key.id === made.id).last_used_at);

    expectStatus(
      await call("DELETE", `/api/v1/api-keys/${made.id}`, { token: ctx.groupRep.token }),
      204,
      "revoke",
    );
    const refused = await call("GET", "/api/v1/company/chats", { token: made.secret });
    expectStatus(refused, 401, "revoked key");
    assert.match(refused.headers.get("www-authenticate") ?? "", /^Bearer/);
  });

  it("personal tokens are listed to their owner only and act as them", async () => {
    const made = await makeKey(ctx.buyer.token, ["chats:read"]);
    assert.match(made.secret, /^esp_/);
    const mine = await call("GET", "/api/v1/api-keys", { token: ctx.buyer.token });
    assert.deepEqual(mine.body.data.map((key: { id: number }) => key.id).includes(made.id), true);
    const theirs = await call("GET", "/api/v1/api-keys", { token: ctx.otherBuyer.token });
    assert.equal(
      theirs.body.data.some((key: { id: number }) => key.id === made.id),
      false,
    );
    expectStatus(
      await call("DELETE", `/api/v1/api-keys/${made.id}`, { token: ctx.otherBuyer.token }),
      404,
      "stranger",
    );
    const me = await call("GET", "/api/v1/me", { token: made.secret });
    expectStatus(me, 200, "me");
    assert.equal(me.body.id, ctx.buyer.id);
    const chats = await call("GET", "/api/v1/chats", { token: made.secret });
    assert.deepEqual(
      chats.body.data.map((chat: { id: number }) => chat.id).sort(),
      [ctx.chatId, ctx.otherChatId].sort(),
    );
  });

  it("an expired key is 401", async () => {
    // Room for a loaded machine to make the key and use it before it expires (1.5 s was not).
    const expiresAt = Date.now() + 5000;
    const made = await makeKey(ctx.buyer.token, ["chats:read"], {
      expires_at: new Date(expiresAt).toISOString(),
    });
    expectStatus(await call("GET", "/api/v1/chats", { token: made.secret }), 200, "before expiry");
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt + 500 - Date.now())));
    expectStatus(await call("GET", "/api/v1/chats", { token: made.secret }), 401, "after expiry");
  });

  it("unknown, tampered and malformed keys are 401", async () => {
    const made = await makeKey(ctx.buyer.token, ["chats:read"]);
    const tampered = `${made.secret.slice(0, -1)}${made.secret.endsWith("A") ? "B" : "A"}`;
    for (const token of [
      tampered,
      "esp_0000000000000000_nope",
      "esk_",
      made.secret.replace("esp_", "esk_"),
    ]) {
      expectStatus(await call("GET", "/api/v1/chats", { token }), 401, token.slice(0, 20));
    }
  });

  it("only people manage keys, only for companies they represent", async () => {
    const key = await makeKey(ctx.directRep.token, [...SCOPES], { company_id: ctx.companyA });
    const personal = await makeKey(ctx.buyer.token, [...SCOPES]);
    for (const token of [key.secret, personal.secret]) {
      expectStatus(await call("GET", "/api/v1/api-keys", { token }), 403, "a key lists keys");
      expectStatus(
        await call("POST", "/api/v1/api-keys", { token, body: { name: "child", scopes: ["chats:read"] } }),
        403,
        "a key mints a key",
      );
      expectStatus(await call("DELETE", `/api/v1/api-keys/${key.id}`, { token }), 403, "a key revokes");
    }
    for (const [who, token] of [
      ["otherRep", ctx.otherRep.token],
      ["buyer", ctx.buyer.token],
    ] as const) {
      expectStatus(
        await call("GET", `/api/v1/api-keys?company_id=${ctx.companyA}`, { token }),
        404,
        `${who} lists A`,
      );
      expectStatus(
        await call("POST", "/api/v1/api-keys", {
          token,
          body: { name: "x", scopes: ["chats:read"], company_id: ctx.companyA },
        }),
        404,
        `${who} makes a key for A`,
      );
      expectStatus(
        await call("DELETE", `/api/v1/api-keys/${key.id}`, { token }),
        404,
        `${who} revokes A's key`,
      );
    }
    // The admin manages every company's keys.
    const listed = await call("GET", `/api/v1/api-keys?company_id=${ctx.companyA}`, { token: ctx.admin });
    expectStatus(listed, 200, "admin lists");
    expectStatus(
      await call("DELETE", `/api/v1/api-keys/${key.id}`, { token: ctx.admin }),
      204,
      "admin revokes",
    );
  });

  it("refuses invalid input with 422 and odd ids with 404, never 500", async () => {
    const token = ctx.buyer.token;
    const bodies: unknown[] = [
      {},
      { name: "", scopes: ["chats:read"] },
      { name: "x".repeat(101), scopes: ["chats:read"] },
      { name: "x", scopes: [] },
      { name: "x", scopes: ["everything"] },
      { name: "x", scopes: "chats:read" },
      { name: "x", scopes: ["chats:read"], expires_at: "2001-01-01T00:00:00Z" },
      { name: "x", scopes: ["chats:read"], expires_in_days: 100_000 },
      { name: "x", scopes: ["chats:read"], company_id: -1 },
      { name: "x\u0000", scopes: ["chats:read"] },
      [],
    ];
    for (const body of bodies) {
      const answer = await call("POST", "/api/v1/api-keys", { token, body });
      expectStatus(answer, 422, JSON.stringify(body));
    }
    for (const query of ["company_id=abc", "limit=1000", "cursor=%%%"]) {
      expectStatus(await call("GET", `/api/v1/api-keys?${query}`, { token }), 422, query);
    }
    for (const id of ["abc", "0", "99999999999", "2147483647"]) {
      expectStatus(await call("DELETE", `/api/v1/api-keys/${id}`, { token }), 404, `DELETE ${id}`);
    }
  });
});

describe("API keys: company keys", () => {
  let ctx: Ctx;
  let key: { id: number; secret: string };
  before(async () => {
    ctx = await makeCtx();
    key = await makeKey(ctx.directRep.token, [...SCOPES], { company_id: ctx.companyA, name: "Helpdesk bot" });
  });

  it("lists its company's chats and replies; the reply records the key, not a person", async () => {
    const chats = await call("GET", "/api/v1/company/chats", { token: key.secret });
    expectStatus(chats, 200, "list");
    assert.deepEqual(
      chats.body.data.map((chat: { id: number }) => chat.id),
      [ctx.chatId],
    );
    const reply = await call("POST", `/api/v1/company/chats/${ctx.chatId}/messages`, {
      token: key.secret,
      body: { content: "Thanks, a colleague will call you." },
    });
    expectStatus(reply, 201, "reply");
    assert.equal(reply.body.sender_type, "company");
    assert.equal(reply.body.sender, null);
    assert.deepEqual(reply.body.api_key, { id: key.id, name: "Helpdesk bot" });
    const seen = await call("GET", `/api/v1/chats/${ctx.chatId}/messages`, { token: ctx.buyer.token });
    assert.deepEqual(seen.body.data.at(-1).api_key, { id: key.id, name: "Helpdesk bot" });
  });

  it("cannot see another company's chat (404) nor act as a buyer (403)", async () => {
    for (const path of [
      `/api/v1/company/chats/${ctx.otherChatId}`,
      `/api/v1/company/chats/${ctx.otherChatId}/messages`,
    ]) {
      expectStatus(await call("GET", path, { token: key.secret }), 404, path);
    }
    const other = await call("GET", `/api/v1/company/chats?company_id=${ctx.companyB}`, {
      token: key.secret,
    });
    assert.deepEqual(other.body.data, []);
    for (const [method, path, body] of [
      ["GET", "/api/v1/chats", undefined],
      ["POST", "/api/v1/chats", { company_id: ctx.companyA }],
      ["GET", `/api/v1/chats/${ctx.chatId}`, undefined],
      ["POST", `/api/v1/chats/${ctx.chatId}/messages`, { content: "as the buyer?" }],
      ["GET", "/api/v1/me", undefined],
    ] as const) {
      expectStatus(await call(method, path, { token: key.secret, body }), 403, `${method} ${path}`);
    }
    const unread = await call("GET", "/api/v1/unread-count", { token: key.secret });
    assert.deepEqual(unread.body.buyer, { total: 0, chats: 0 });
  });

  it("is refused by the original's paths, which take the JWT pair only", async () => {
    for (const path of ["/company-chats/", `/company-chats/${ctx.chatId}/`, "/chats/"]) {
      expectStatus(await call("GET", path, { token: key.secret }), 401, path);
    }
  });

  it("stops working when the company's representative revokes it", async () => {
    const spare = await makeKey(ctx.directRep.token, ["chats:read"], { company_id: ctx.companyA });
    expectStatus(await call("GET", "/api/v1/company/chats", { token: spare.secret }), 200, "before");
    expectStatus(
      await call("DELETE", `/api/v1/api-keys/${spare.id}`, { token: ctx.groupRep.token }),
      204,
      "revoke",
    );
    expectStatus(await call("GET", "/api/v1/company/chats", { token: spare.secret }), 401, "after");
  });
});

// Every route with a key lacking its scope, holding only its scope, and with the other
// company's key: the key columns of the authorization matrix (tests/http/v1-authz.test.ts).
