// Authorization matrix of the versioned API: every route, tried as every kind of caller.
// One row per (method, route); adding a route to app/api/v1 without a row here fails the
// "covers every route" test, so the matrix cannot silently fall behind the code.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import {
  ADMIN,
  type Answer,
  asAdmin,
  call,
  makeWorld,
  PASSWORD,
  signUp,
  type TestUser,
  tokenFor,
  type World,
} from "../support/http";
import { declaredRoutes } from "../support/routes";
import {
  finishedDelivery,
  freshEndpoint,
  receiverUrl,
  sharedEndpoint,
  stopReceiver,
} from "../support/webhook-fixtures";

const ROLES = ["anonymous", "buyer", "otherBuyer", "directRep", "groupRep", "otherRep", "admin"] as const;
type Role = (typeof ROLES)[number];

/**
 * Who may use a route: `public` anyone; `user` any signed-in caller; `owner` only the chat's
 * buyer; `company` the representatives of the chat's company and admins; `admin` admins only.
 */
type Access = "public" | "user" | "owner" | "company" | "admin";

type Ctx = World & { chatId: number; spare: TestUser };
type Maybe<T> = T | Promise<T>;
type RowOptions = {
  /** Values for the route's `{params}`; by default `{id}` is the world's chat. Runs once per caller. */
  ids?: (ctx: Ctx) => Maybe<Record<string, string | number>>;
  /** The JSON body, if any. Runs once per caller. */
  body?: (ctx: Ctx) => Maybe<unknown>;
  /** Use a token made for this attempt instead of the world's (for routes that revoke it). */
  freshToken?: boolean;
  /** A stream that never ends: judge it by status and headers, then hang up. */
  stream?: boolean;
};
type Row = RowOptions & {
  method: string;
  /** The route as in app/api/v1, with `{param}` for dynamic segments. */
  route: string;
  access: Access;
  /** The status(es) a permitted caller gets. */
  ok: number | number[];
};

const row = (spec: string, access: Access, ok: number | number[], options: RowOptions = {}): Row => {
  const [method = "", route = ""] = spec.split(" ");
  return { method, route, access, ok, ...options };
};

const uid = () => randomUUID().slice(0, 8);
const say = () => ({ content: `matrix says ${uid()}` });
const adminTarget = (pick: (c: Ctx) => number) => (c: Ctx) => ({ id: pick(c) });

/** A membership made just now, so each caller's DELETE has one to remove. */
async function freshMembership(c: Ctx) {
  const name = `matrix-${uid()}`;
  const added = await call("PUT", `/api/v1/admin/groups/${name}/members/${c.spare.id}`, { token: c.admin });
  assert.equal(added.status, 201, `setting up membership: ${added.text}`);
  return { name, user_id: c.spare.id };
}

async function freshPersonalKey(c: Ctx) {
  const made = await call("POST", "/api/v1/api-keys", {
    token: c.buyer.token,
    body: { name: `matrix ${uid()}`, scopes: ["chats:read"] },
  });
  assert.equal(made.status, 201, `setting up an API key: ${made.text}`);
  return { id: made.body.id as number };
}

async function refreshTokenOf(user: TestUser): Promise<string> {
  const pair = await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: PASSWORD } });
  return pair.body.refresh_token;
}

// Webhook rows use company A's endpoints (tests/support/webhook-fixtures.ts).
const webhookWorld = (c: Ctx) => ({ admin: c.admin, companyA: c.companyA, chatId: c.chatId, buyer: c.buyer });

// One line per (method, route). Permitted callers get `ok`; everyone else gets what
// expectedStatus() says their kind of caller must get.
const MATRIX: Row[] = [
  row("GET /api/health", "public", 200),
  // The catch-all: a path no route serves is a problem+json 404 for everyone.
  ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) =>
    row(`${method} /api/v1/{path}`, "public", 404, { ids: () => ({ path: "no-such-endpoint" }) }),
  ),
  row("POST /api/v1/auth/register", "public", 201, {
    body: () => ({ email: `matrix-${uid()}@example.test`, name: "M", password: PASSWORD }),
  }),
  row("POST /api/v1/auth/token", "public", 200, {
    body: (c) => ({ email: c.spare.email, password: PASSWORD }),
  }),
  row("POST /api/v1/auth/refresh", "public", 200, {
    body: async (c) => ({ refresh_token: await refreshTokenOf(c.spare) }),
  }),
  row("POST /api/v1/auth/revoke", "user", 204, { freshToken: true }),
  row("GET /api/v1/me", "user", 200),
  // A wrong current password: the caller got past authentication, and nothing changes.
  row("POST /api/v1/me/password", "user", 422, {
    freshToken: true,
    body: () => ({ current_password: "not the password", new_password: "another long password" }),
  }),
  row("GET /api/v1/companies", "user", 200),
  row("GET /api/v1/unread-count", "user", 200),
  row("GET /api/v1/chats", "user", 200),
  row("POST /api/v1/chats", "user", [200, 201], { body: (c) => ({ company_id: c.companyB }) }),
  row("GET /api/v1/chats/{id}", "owner", 200),
  row("GET /api/v1/chats/{id}/messages", "owner", 200),
  row("POST /api/v1/chats/{id}/messages", "owner", 201, { body: say }),
  row("POST /api/v1/chats/{id}/read", "owner", 200),
  row("POST /api/v1/chats/{id}/typing", "owner", 202),
  row("GET /api/v1/company/chats", "user", 200),
  row("GET /api/v1/company/chat-counts", "user", 200),
  row("GET /api/v1/company/chats/{id}", "company", 200),
  // Reopening an open chat: permitted callers succeed and the chat stays open for the other rows.
  row("PATCH /api/v1/company/chats/{id}", "company", 200, { body: () => ({ is_active: true }) }),
  row("GET /api/v1/company/chats/{id}/messages", "company", 200),
  row("POST /api/v1/company/chats/{id}/messages", "company", 201, { body: say }),
  row("POST /api/v1/company/chats/{id}/read", "company", 200),
  row("POST /api/v1/company/chats/{id}/typing", "company", 202),
  row("GET /api/v1/events", "user", 200, { stream: true }),
  row("GET /api/v1/openapi.json", "public", 200),
  row("GET /api/v1/api-keys", "user", 200),
  row("POST /api/v1/api-keys", "user", 201, {
    body: () => ({ name: `matrix ${uid()}`, scopes: ["chats:read"] }),
  }),
  // Each attempt revokes a personal token the chat's buyer made just now: only its owner may.
  row("DELETE /api/v1/api-keys/{id}", "owner", 204, { ids: freshPersonalKey }),
  row("GET /api/v1/admin/companies", "admin", 200),
  row("POST /api/v1/admin/companies", "admin", 201, { body: () => ({ name: `Matrix ${uid()}` }) }),
  row("PATCH /api/v1/admin/companies/{id}", "admin", 200, {
    ids: adminTarget((c) => c.companyB),
    body: () => ({ description: "touched by the matrix" }),
  }),
  row("GET /api/v1/admin/users", "admin", 200),
  row("PATCH /api/v1/admin/users/{id}", "admin", 200, {
    ids: adminTarget((c) => c.spare.id),
    body: () => ({ is_admin: false }),
  }),
  row("PUT /api/v1/admin/groups/{name}/members/{user_id}", "admin", 201, {
    ids: (c) => ({ name: `matrix-${uid()}`, user_id: c.spare.id }),
  }),
  row("DELETE /api/v1/admin/groups/{name}/members/{user_id}", "admin", 204, { ids: freshMembership }),
  row("GET /api/v1/company/webhooks", "user", 200),
  row("POST /api/v1/company/webhooks", "company", 201, {
    body: async (c) => ({ company_id: c.companyA, url: await receiverUrl(), event_types: ["chat.reopened"] }),
  }),
  row("GET /api/v1/company/webhooks/{id}", "company", 200, {
    ids: async (c) => ({ id: await sharedEndpoint(webhookWorld(c)) }),
  }),
  row("PATCH /api/v1/company/webhooks/{id}", "company", 200, {
    ids: async (c) => ({ id: await sharedEndpoint(webhookWorld(c)) }),
    body: () => ({ description: "touched by the matrix" }),
  }),
  row("DELETE /api/v1/company/webhooks/{id}", "company", 204, {
    ids: async (c) => ({ id: await freshEndpoint(webhookWorld(c)) }),
  }),
  row("POST /api/v1/company/webhooks/{id}/rotate-secret", "company", 200, {
    ids: async (c) => ({ id: await sharedEndpoint(webhookWorld(c)) }),
  }),
  row("GET /api/v1/company/webhooks/{id}/deliveries", "company", 200, {
    ids: async (c) => ({ id: await sharedEndpoint(webhookWorld(c)) }),
  }),
  row("POST /api/v1/company/webhooks/{id}/deliveries/{delivery_id}/redeliver", "company", 202, {
    ids: (c) => finishedDelivery(webhookWorld(c)),
  }),
];

/** The request a row makes: its route with the params filled in, and its body. */
async function requestOf(r: Row, ctx: Ctx): Promise<{ path: string; body?: unknown }> {
  const ids = r.ids ? await r.ids(ctx) : { id: ctx.chatId };
  const path = r.route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${r.route}`);
    return encodeURIComponent(String(value));
  });
  return { path, body: r.body ? await r.body(ctx) : undefined };
}

function expectedStatus(row: Row, role: Role): number | number[] {
  if (role === "anonymous") return row.access === "public" ? row.ok : 401;
  switch (row.access) {
    case "public":
    case "user":
      return row.ok;
    case "owner":
      return role === "buyer" ? row.ok : 404;
    case "company":
      return role === "directRep" || role === "groupRep" || role === "admin" ? row.ok : 404;
    case "admin":
      return role === "admin" ? row.ok : 404;
  }
}

function emailOf(ctx: Ctx, role: Exclude<Role, "anonymous">): string {
  return role === "admin" ? ADMIN.email : ctx[role].email;
}

async function tokenOf(ctx: Ctx, role: Role, fresh: boolean): Promise<string | undefined> {
  if (role === "anonymous") return undefined;
  if (fresh) return tokenFor(emailOf(ctx, role), role === "admin" ? ADMIN.password : PASSWORD);
  return role === "admin" ? ctx.admin : ctx[role].token;
}

function assertProblem(answer: Answer, status: number, label: string): void {
  assert.match(
    answer.headers.get("content-type") ?? "",
    /^application\/problem\+json/,
    `${label}: content type`,
  );
  assert.equal(answer.body?.status, status, `${label}: body.status`);
  assert.equal(typeof answer.body?.title, "string", `${label}: title`);
  assert.equal(typeof answer.body?.type, "string", `${label}: type`);
  assert.equal(typeof answer.body?.detail, "string", `${label}: detail`);
  assert.equal(typeof answer.body?.request_id, "string", `${label}: request_id`);
  if (status === 401)
    assert.match(answer.headers.get("www-authenticate") ?? "", /^Bearer/i, `${label}: WWW-Authenticate`);
}

/** A world plus a chat between its buyer and company A that has one message in it. */
async function makeCtx(): Promise<Ctx> {
  const world = await makeWorld();
  const [started, spare] = await Promise.all([
    call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA, content: "Hello A" },
    }),
    signUp("matrix-spare"),
  ]);
  assert.equal(started.status, 201, started.text);
  return { ...world, chatId: started.body.id, spare };
}

after(stopReceiver);

describe("v1 authz: the matrix covers the API", () => {
  it("has exactly one row for every method exported by app/api/v1 route files", () => {
    const rows = MATRIX.filter((row) => row.route.startsWith("/api/v1/")).map(
      (row) => `${row.method} ${row.route}`,
    );
    assert.equal(new Set(rows).size, rows.length, "duplicate rows in the matrix");
    assert.deepEqual([...rows].sort(), declaredRoutes());
  });
});

describe("v1 authz: every route as every caller", () => {
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  for (const row of MATRIX) {
    it(`${row.method} ${row.route} (${row.access})`, async () => {
      const outcomes = await Promise.all(
        ROLES.map(async (role) => {
          const request = await requestOf(row, ctx);
          const token = await tokenOf(ctx, role, row.freshToken === true);
          const answer = await call(row.method, request.path, {
            token,
            body: request.body,
            headersOnly: row.stream,
          });
          return { role, answer };
        }),
      );
      const actual = Object.fromEntries(outcomes.map(({ role, answer }) => [role, answer.status]));
      const expected = Object.fromEntries(
        ROLES.map((role) => {
          const want = expectedStatus(row, role);
          const got = actual[role] as number;
          return [role, Array.isArray(want) ? (want.includes(got) ? got : want.join("|")) : want];
        }),
      );
      assert.deepEqual(actual, expected, `statuses by caller for ${row.method} ${row.route}`);
      for (const { role, answer } of outcomes) {
        if (answer.status >= 400) assertProblem(answer, answer.status, `${role} ${row.method} ${row.route}`);
      }
    });
  }
});

describe("v1 authz: 404 answers leak nothing", () => {
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  it("an outsider's 404 for an existing chat equals the 404 for a chat that does not exist", async () => {
    const missing = 2_147_483_000;
    const nameOfA = await companyName(ctx, ctx.companyA);
    for (const [who, token, prefix] of [
      ["otherBuyer", ctx.otherBuyer.token, "/api/v1/chats"],
      ["otherRep", ctx.otherRep.token, "/api/v1/company/chats"],
    ] as const) {
      for (const suffix of ["", "/messages"]) {
        const real = await call("GET", `${prefix}/${ctx.chatId}${suffix}`, { token });
        const ghost = await call("GET", `${prefix}/${missing}${suffix}`, { token });
        assert.equal(real.status, 404, `${who} ${prefix}/{id}${suffix}`);
        assert.equal(ghost.status, 404);
        assert.deepEqual(
          { type: real.body.type, title: real.body.title, detail: real.body.detail },
          { type: ghost.body.type, title: ghost.body.title, detail: ghost.body.detail },
          `${who} ${prefix}/{id}${suffix}`,
        );
        assert.equal(real.text.includes(nameOfA), false, "the company's name does not leak");
        assert.equal(real.text.includes(ctx.buyer.email), false, "the buyer's email does not leak");
      }
    }
  });

  it("admin routes answer non-admins 404 even when the request is also invalid", async () => {
    // Validation must not run before the admin check: a 422 would tell outsiders the route exists.
    const attempts: [string, string, unknown][] = [
      ["GET", "/api/v1/admin/companies?limit=5000", undefined],
      ["GET", "/api/v1/admin/users?limit=5000", undefined],
      ["POST", "/api/v1/admin/companies", { name: "" }],
      ["PATCH", `/api/v1/admin/companies/${ctx.companyA}`, {}],
      ["PATCH", `/api/v1/admin/users/${ctx.buyer.id}`, { is_admin: "yes" }],
      ["PUT", `/api/v1/admin/groups/${encodeURIComponent("bad name!")}/members/${ctx.buyer.id}`, undefined],
    ];
    const statuses: Record<string, number> = {};
    for (const [method, url, body] of attempts) {
      statuses[`${method} ${url}`] = (await call(method, url, { token: ctx.directRep.token, body })).status;
    }
    assert.deepEqual(statuses, Object.fromEntries(Object.keys(statuses).map((key) => [key, 404])));
  });

  it("a non-admin's attempt at an admin write changes nothing", async () => {
    const promote = await call("PATCH", `/api/v1/admin/users/${ctx.buyer.id}`, {
      token: ctx.buyer.token,
      body: { is_admin: true, company_id: ctx.companyA },
    });
    assert.equal(promote.status, 404);
    const join = await call(
      "PUT",
      `/api/v1/admin/groups/company_${ctx.companyA}/members/${ctx.otherBuyer.id}`,
      {
        token: ctx.otherBuyer.token,
      },
    );
    assert.equal(join.status, 404);
    const [me, other] = await Promise.all([
      call("GET", "/api/v1/me", { token: ctx.buyer.token }),
      call("GET", "/api/v1/me", { token: ctx.otherBuyer.token }),
    ]);
    assert.equal(me.body.is_admin, false);
    assert.deepEqual(me.body.represented_company_ids, []);
    assert.deepEqual(other.body.represented_company_ids, []);
    assert.equal(
      (await call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.otherBuyer.token })).status,
      404,
    );
  });
});

describe("v1 authz: admin routes do what they say", () => {
  it("PATCH /api/v1/admin/companies/{id} changes only the fields it is given", async () => {
    const admin = await asAdmin();
    const created = await call("POST", "/api/v1/admin/companies", {
      token: admin,
      body: { name: `Patch ${uid()}`, description: "Sea views since 1990" },
    });
    assert.equal(created.status, 201, created.text);
    const renamed = await call("PATCH", `/api/v1/admin/companies/${created.body.id}`, {
      token: admin,
      body: { name: `Renamed ${uid()}` },
    });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.description, "Sea views since 1990", "a rename must not wipe the description");
    const listed = await call("GET", `/api/v1/admin/companies?limit=1&after_id=${created.body.id - 1}`, {
      token: admin,
    });
    assert.equal(listed.body.data[0]?.description, "Sea views since 1990");
  });

  it("PATCH /api/v1/admin/companies/{id} with nothing to change is a 422", async () => {
    const admin = await asAdmin();
    const created = await call("POST", "/api/v1/admin/companies", {
      token: admin,
      body: { name: `Empty ${uid()}`, description: "Keep" },
    });
    const empty = await call("PATCH", `/api/v1/admin/companies/${created.body.id}`, {
      token: admin,
      body: {},
    });
    assert.equal(empty.status, 422, empty.text);
  });

  it("the admin links and unlinks representatives and finds users by email", async () => {
    const ctx = await makeCtx();
    const found = await call("GET", `/api/v1/admin/users?q=${encodeURIComponent(ctx.spare.email)}`, {
      token: ctx.admin,
    });
    assert.deepEqual(
      found.body.data.map((user: { id: number }) => user.id),
      [ctx.spare.id],
    );
    const linked = await call("PATCH", `/api/v1/admin/users/${ctx.spare.id}`, {
      token: ctx.admin,
      body: { company_id: ctx.companyA },
    });
    assert.equal(linked.status, 200, linked.text);
    assert.equal(
      (await call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.spare.token })).status,
      200,
    );
    const unknownCompany = await call("PATCH", `/api/v1/admin/users/${ctx.spare.id}`, {
      token: ctx.admin,
      body: { company_id: 2_147_483_647 },
    });
    assert.equal(unknownCompany.status, 422, unknownCompany.text);
    const unknownUser = await call("PATCH", "/api/v1/admin/users/2147483647", {
      token: ctx.admin,
      body: { is_admin: false },
    });
    assert.equal(unknownUser.status, 404, unknownUser.text);
    const unlinked = await call("PATCH", `/api/v1/admin/users/${ctx.spare.id}`, {
      token: ctx.admin,
      body: { company_id: null },
    });
    assert.equal(unlinked.status, 200, unlinked.text);
    assert.equal(
      (await call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.spare.token })).status,
      404,
    );
    const notMember = await call(
      "DELETE",
      `/api/v1/admin/groups/company_${ctx.companyA}/members/${ctx.spare.id}`,
      { token: ctx.admin },
    );
    assert.equal(notMember.status, 404, notMember.text);
  });

  it("adding a group member twice answers 201 then 204", async () => {
    const ctx = await makeCtx();
    const path = `/api/v1/admin/groups/company_${ctx.companyB}/members/${ctx.spare.id}`;
    assert.equal((await call("PUT", path, { token: ctx.admin })).status, 201);
    assert.equal((await call("PUT", path, { token: ctx.admin })).status, 204);
    const me = await call("GET", "/api/v1/me", { token: ctx.spare.token });
    assert.deepEqual(me.body.represented_company_ids, [ctx.companyB]);
  });
});

describe("v1 authz: lists and counts show each caller only their own", () => {
  // A world of its own: the counts below must not see the matrix's traffic.
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  const ids = (answer: Answer) => (answer.body.data as { id: number }[]).map((item) => item.id);

  it("the buyer lists their chat; the other buyer does not, nor sees it in the directory or counts", async () => {
    const [mine, theirs, directory, counts] = await Promise.all([
      call("GET", "/api/v1/chats?limit=100", { token: ctx.buyer.token }),
      call("GET", "/api/v1/chats?limit=100", { token: ctx.otherBuyer.token }),
      call("GET", `/api/v1/companies?q=${encodeURIComponent(await companyName(ctx, ctx.companyA))}`, {
        token: ctx.otherBuyer.token,
      }),
      call("GET", "/api/v1/unread-count", { token: ctx.otherBuyer.token }),
    ]);
    assert.deepEqual(ids(mine), [ctx.chatId]);
    assert.deepEqual(ids(theirs), []);
    const entry = (
      directory.body.data as { id: number; chat_id: number | null; unread_count: number }[]
    ).find((company) => company.id === ctx.companyA);
    assert.ok(entry, "company A is in the directory");
    assert.equal(entry.chat_id, null);
    assert.equal(entry.unread_count, 0);
    assert.deepEqual(counts.body, { buyer: { total: 0, chats: 0 }, company: { total: 0, chats: 0 } });
  });

  it("both representatives of company A list the chat and count its unread message; the other company's does not", async () => {
    const [direct, group, other, otherFiltered] = await Promise.all([
      call("GET", "/api/v1/company/chats?limit=100", { token: ctx.directRep.token }),
      call("GET", "/api/v1/company/chats?limit=100", { token: ctx.groupRep.token }),
      call("GET", "/api/v1/company/chats?limit=100", { token: ctx.otherRep.token }),
      call("GET", `/api/v1/company/chats?limit=100&company_id=${ctx.companyA}`, {
        token: ctx.otherRep.token,
      }),
    ]);
    assert.deepEqual(ids(direct), [ctx.chatId]);
    assert.deepEqual(ids(group), [ctx.chatId]);
    assert.deepEqual(ids(other), []);
    assert.deepEqual(ids(otherFiltered), []);
    const [directCount, groupCount, otherCount] = await Promise.all(
      [ctx.directRep, ctx.groupRep, ctx.otherRep].map((rep) =>
        call("GET", "/api/v1/unread-count", { token: rep.token }),
      ),
    );
    assert.deepEqual(directCount?.body.company, { total: 1, chats: 1 });
    assert.deepEqual(groupCount?.body.company, { total: 1, chats: 1 });
    assert.deepEqual(otherCount?.body, { buyer: { total: 0, chats: 0 }, company: { total: 0, chats: 0 } });
  });

  it("the admin finds company A's chat in the company list and can open it", async () => {
    const [list, one] = await Promise.all([
      call("GET", `/api/v1/company/chats?limit=100&company_id=${ctx.companyA}`, { token: ctx.admin }),
      call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.admin }),
    ]);
    assert.equal(list.status, 200);
    assert.deepEqual(ids(list), [ctx.chatId]);
    assert.equal(one.status, 200);
    assert.equal(one.body.company.id, ctx.companyA);
    assert.equal(one.body.buyer.id, ctx.buyer.id);
  });

  it("an outsider's failed writes leave the chat and its counts untouched", async () => {
    const attempts = await Promise.all([
      call("POST", `/api/v1/chats/${ctx.chatId}/messages`, {
        token: ctx.otherBuyer.token,
        body: { content: "intrusion" },
      }),
      call("POST", `/api/v1/company/chats/${ctx.chatId}/messages`, {
        token: ctx.otherRep.token,
        body: { content: "intrusion" },
      }),
      call("POST", `/api/v1/company/chats/${ctx.chatId}/read`, { token: ctx.otherRep.token }),
      call("POST", `/api/v1/chats/${ctx.chatId}/read`, { token: ctx.directRep.token }),
      call("PATCH", `/api/v1/company/chats/${ctx.chatId}`, {
        token: ctx.otherRep.token,
        body: { is_active: false },
      }),
      call("PATCH", `/api/v1/company/chats/${ctx.chatId}`, {
        token: ctx.buyer.token,
        body: { is_active: false },
      }),
    ]);
    assert.deepEqual(
      attempts.map((answer) => answer.status),
      [404, 404, 404, 404, 404, 404],
    );
    const [messages, chat] = await Promise.all([
      call("GET", `/api/v1/company/chats/${ctx.chatId}/messages`, { token: ctx.directRep.token }),
      call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.directRep.token }),
    ]);
    assert.deepEqual(
      (messages.body.data as { content: string }[]).map((message) => message.content),
      ["Hello A"],
    );
    assert.equal(chat.body.is_active, true);
    assert.equal(chat.body.unread_count, 1);
  });
});

async function companyName(ctx: Ctx, companyId: number): Promise<string> {
  const answer = await call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.admin });
  assert.equal(answer.body.company.id, companyId);
  return answer.body.company.name;
}
