// Authorization matrix of the versioned API: every route of tests/support/authz/v1-table.ts,
// tried as every kind of person and with API keys that lack or hold exactly the route's scope.
// tests/http/authz/coverage.test.ts fails when a route file has no row, so the matrix cannot
// silently fall behind the code.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { SCOPES, type Scope } from "../../lib/auth/scopes";
import { type V1Ctx as Ctx, requestOf, V1_TABLE, type V1Row } from "../support/authz/v1-table";
import { ADMIN, type Answer, asAdmin, call, makeWorld, PASSWORD, signUp, tokenFor } from "../support/http";
import { stopReceiver } from "../support/webhook-fixtures";

const PEOPLE = ["anonymous", "buyer", "otherBuyer", "directRep", "groupRep", "otherRep", "admin"] as const;
/**
 * API keys as callers: company A's key (made by its representative) and the buyer's personal
 * token, each once with every scope but the row's and once with only the row's; and keys of
 * the other company and of the other buyer, holding every scope.
 */
const KEYS = [
  "companyKeyWithout",
  "companyKeyOnly",
  "personalKeyWithout",
  "personalKeyOnly",
  "otherCompanyKey",
  "otherPersonalKey",
] as const;
type Person = (typeof PEOPLE)[number];
type KeyColumn = (typeof KEYS)[number];
type Caller = Person | KeyColumn;
const CALLERS: Caller[] = [...PEOPLE, ...KEYS];
/** Callers with no claim on the world's chat: its secret must never reach them, whatever the route. */
const OUTSIDERS = new Set<Caller>([
  "anonymous",
  "otherBuyer",
  "otherRep",
  "otherCompanyKey",
  "otherPersonalKey",
]);

const uid = () => randomUUID().slice(0, 8);

/** What a person gets on a row: `ok` when the row's access lets them in, else 401 or 404. */
function expectedForPerson(row: V1Row, person: Person): number | number[] {
  if (person === "anonymous") return row.access === "public" ? row.ok : 401;
  switch (row.access) {
    case "public":
    case "user":
      return row.ok;
    case "owner":
      return person === "buyer" ? row.ok : 404;
    case "company":
      return person === "directRep" || person === "groupRep" || person === "admin" ? row.ok : 404;
    case "admin":
      return person === "admin" ? row.ok : 404;
  }
}

/**
 * What a key gets: 403 when the route takes no keys or the key lacks the scope, or a company
 * key on the buyer side; otherwise what the key stands for gets (a personal token is its
 * maker, a company key is a representative of its company).
 */
function expectedForKey(row: V1Row, key: KeyColumn): number | number[] {
  const need = row.need;
  if (need === "public") return row.ok;
  if (need === "person") return 403;
  switch (key) {
    case "companyKeyWithout":
    case "personalKeyWithout":
      return 403;
    case "personalKeyOnly":
      return expectedForPerson(row, "buyer");
    case "otherPersonalKey":
      return expectedForPerson(row, "otherBuyer");
    case "companyKeyOnly":
      return need.side === "buyer" ? 403 : expectedForPerson(row, "directRep");
    case "otherCompanyKey":
      return need.side === "buyer" ? 403 : expectedForPerson(row, "otherRep");
  }
}

const expectedStatus = (row: V1Row, caller: Caller) =>
  (PEOPLE as readonly string[]).includes(caller)
    ? expectedForPerson(row, caller as Person)
    : expectedForKey(row, caller as KeyColumn);

/** The scopes of a key column on a row: all but the row's, only the row's, or all. */
function scopesOf(row: V1Row, key: KeyColumn): readonly Scope[] {
  const scope = typeof row.need === "object" ? row.need.scope : undefined;
  if (scope && key.endsWith("Without")) return SCOPES.filter((s) => s !== scope);
  if (scope && key.endsWith("Only")) return [scope];
  return SCOPES;
}

/** Keys by (maker, company, scopes), each made once. */
function keyRing() {
  const made = new Map<string, Promise<string>>();
  return (maker: string, scopes: readonly Scope[], companyId?: number) => {
    const id = `${maker}:${companyId ?? "personal"}:${[...scopes].sort().join(",")}`;
    let secret = made.get(id);
    if (!secret) {
      secret = call("POST", "/api/v1/api-keys", {
        token: maker,
        body: { name: `matrix ${uid()}`, scopes, ...(companyId ? { company_id: companyId } : {}) },
      }).then((answer) => {
        assert.equal(answer.status, 201, `making a key: ${answer.text}`);
        return answer.body.secret as string;
      });
      made.set(id, secret);
    }
    return secret;
  };
}

function emailOf(ctx: Ctx, person: Exclude<Person, "anonymous">): string {
  return person === "admin" ? ADMIN.email : ctx[person].email;
}

async function credentialOf(
  ctx: Ctx,
  keys: ReturnType<typeof keyRing>,
  row: V1Row,
  caller: Caller,
): Promise<string | undefined> {
  switch (caller) {
    case "anonymous":
      return undefined;
    case "companyKeyWithout":
    case "companyKeyOnly":
      return keys(ctx.directRep.token, scopesOf(row, caller), ctx.companyA);
    case "personalKeyWithout":
    case "personalKeyOnly":
      return keys(ctx.buyer.token, scopesOf(row, caller));
    case "otherCompanyKey":
      return keys(ctx.otherRep.token, SCOPES, ctx.companyB);
    case "otherPersonalKey":
      return keys(ctx.otherBuyer.token, SCOPES);
  }
  if (row.freshToken) return tokenFor(emailOf(ctx, caller), caller === "admin" ? ADMIN.password : PASSWORD);
  return caller === "admin" ? ctx.admin : ctx[caller].token;
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

/** A world plus a chat between its buyer and company A whose one message carries a secret. */
async function makeCtx(): Promise<Ctx> {
  const world = await makeWorld();
  const secret = `secret-${randomUUID()}`;
  const [started, spare] = await Promise.all([
    call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA, content: `Hello A, ${secret}` },
    }),
    signUp("matrix-spare"),
  ]);
  assert.equal(started.status, 201, started.text);
  return { ...world, chatId: started.body.id, spare, secret };
}

after(stopReceiver);

describe("v1 authz: every route as every caller", () => {
  let ctx: Ctx;
  let keys: ReturnType<typeof keyRing>;
  before(async () => {
    ctx = await makeCtx();
    keys = keyRing();
  });

  for (const row of V1_TABLE) {
    const need = typeof row.need === "object" ? `${row.need.scope}, ${row.need.side}` : row.need;
    it(`${row.method} ${row.route} (${row.access}; keys: ${need})`, async () => {
      // Permitted callers each get a target of their own (a write may use it up); refused ones
      // share one, since a refusal changes nothing (and webhook endpoints per company are few).
      let shared: ReturnType<typeof requestOf> | undefined;
      const sharedRequest = () => {
        shared ??= requestOf(row, ctx);
        return shared;
      };
      // A public route answers a key as it answers anyone: the people's columns say it.
      const callers = row.need === "public" ? [...PEOPLE] : CALLERS;
      const outcomes = await Promise.all(
        callers.map(async (caller) => {
          const permitted = expectedStatus(row, caller) === row.ok;
          const request = await (permitted ? requestOf(row, ctx) : sharedRequest());
          const answer = await call(row.method, request.path, {
            token: await credentialOf(ctx, keys, row, caller),
            body: request.body,
            headers: request.headers,
            headersOnly: row.stream,
          });
          return { caller, answer };
        }),
      );
      const actual = Object.fromEntries(outcomes.map(({ caller, answer }) => [caller, answer.status]));
      const expected = Object.fromEntries(
        callers.map((caller) => {
          const want = expectedStatus(row, caller);
          const got = actual[caller] as number;
          return [caller, Array.isArray(want) ? (want.includes(got) ? got : want.join("|")) : want];
        }),
      );
      assert.deepEqual(actual, expected, `statuses by caller for ${row.method} ${row.route}`);
      for (const { caller, answer } of outcomes) {
        const label = `${caller} ${row.method} ${row.route}`;
        if (answer.status >= 400) assertProblem(answer, answer.status, label);
        if (answer.status >= 400 || OUTSIDERS.has(caller))
          assert.equal(answer.text.includes(ctx.secret), false, `${label}: the chat's message leaked`);
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
      [`Hello A, ${ctx.secret}`],
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
