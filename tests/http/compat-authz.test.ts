// Authorization matrix of the compatibility API: every path and method, tried as every kind of
// caller. The rows are checked against the route files in app/(compat): a path or method added
// there without a row here fails "covers every route", and every method a path does not
// support must answer 405.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { type Answer, call, makeWorld, PASSWORD, signUp, type TestUser, type World } from "../support/http";

const ROLES = [
  "anonymous",
  "badToken",
  "buyer",
  "otherBuyer",
  "directRep",
  "groupRep",
  "otherRep",
  "admin",
] as const;
type Role = (typeof ROLES)[number];

/**
 * `public` anyone; `user` any signed-in caller; `owner` only the chat's buyer (not even an
 * admin: the buyer paths are the caller's own chats); `company` the chat company's
 * representatives (direct link or group) and admins.
 */
type Access = "public" | "user" | "owner" | "company";

type Ctx = World & { chatId: number; spare: TestUser };
type Call = { path: string; body?: unknown };
type Row = {
  method: string;
  route: string;
  access: Access;
  ok: number | number[];
  request: (c: Ctx) => Call | Promise<Call>;
};

const uid = () => randomUUID().slice(0, 8);

const MATRIX: Row[] = [
  {
    method: "POST",
    route: "/auth/login/",
    access: "public",
    ok: 200,
    request: (c) => ({ path: "/auth/login/", body: { email: c.spare.email, password: PASSWORD } }),
  },
  {
    method: "POST",
    route: "/auth/login/refresh/",
    access: "public",
    ok: 200,
    request: async (c) => {
      const pair = await call("POST", "/auth/login/", { body: { email: c.spare.email, password: PASSWORD } });
      return { path: "/auth/login/refresh/", body: { refresh: pair.body.refresh } };
    },
  },
  {
    method: "POST",
    route: "/auth/register/",
    access: "public",
    ok: 201,
    request: () => {
      const email = `compat-matrix-${uid()}@example.test`;
      return {
        path: "/auth/register/",
        body: { email, username: "M", password: PASSWORD, password2: PASSWORD },
      };
    },
  },
  {
    method: "GET",
    route: "/chat/companies-list/",
    access: "user",
    ok: 200,
    request: () => ({ path: "/chat/companies-list/" }),
  },
  { method: "GET", route: "/chats/", access: "user", ok: 200, request: () => ({ path: "/chats/" }) },
  {
    method: "POST",
    route: "/chats/",
    access: "user",
    ok: [200, 201],
    request: (c) => ({ path: "/chats/", body: { company: c.companyB } }),
  },
  {
    method: "GET",
    route: "/chats/unread_count/",
    access: "user",
    ok: 200,
    request: () => ({ path: "/chats/unread_count/" }),
  },
  {
    method: "POST",
    route: "/chats/start/{company_id}/",
    access: "user",
    ok: [200, 201],
    request: (c) => ({ path: `/chats/start/${c.companyB}/` }),
  },
  {
    method: "GET",
    route: "/chats/{id}/",
    access: "owner",
    ok: 200,
    request: (c) => ({ path: `/chats/${c.chatId}/` }),
  },
  {
    method: "GET",
    route: "/chats/{id}/messages/",
    access: "owner",
    ok: 200,
    request: (c) => ({ path: `/chats/${c.chatId}/messages/` }),
  },
  {
    method: "POST",
    route: "/chats/{id}/send_message/",
    access: "owner",
    ok: 201,
    request: (c) => ({ path: `/chats/${c.chatId}/send_message/`, body: { content: `buyer says ${uid()}` } }),
  },
  {
    method: "GET",
    route: "/company-chats/",
    access: "user",
    ok: 200,
    request: () => ({ path: "/company-chats/" }),
  },
  {
    method: "GET",
    route: "/company-chats/{id}/",
    access: "company",
    ok: 200,
    request: (c) => ({ path: `/company-chats/${c.chatId}/` }),
  },
  {
    method: "POST",
    route: "/company-chats/{id}/reply/",
    access: "company",
    ok: 201,
    request: (c) => ({
      path: `/company-chats/${c.chatId}/reply/`,
      body: { content: `company says ${uid()}` },
    }),
  },
  {
    method: "GET",
    route: "/company-chats/{id}/mark_as_read/",
    access: "company",
    ok: 200,
    request: (c) => ({ path: `/company-chats/${c.chatId}/mark_as_read/` }),
  },
  {
    method: "POST",
    route: "/company-chats/{id}/mark_as_read/",
    access: "company",
    ok: 200,
    request: (c) => ({ path: `/company-chats/${c.chatId}/mark_as_read/` }),
  },
];

function permitted(access: Access, role: Role): boolean {
  if (access === "public") return true;
  if (role === "anonymous" || role === "badToken") return false;
  if (access === "user") return true;
  if (access === "owner") return role === "buyer";
  return role === "directRep" || role === "groupRep" || role === "admin";
}

function tokenOf(c: Ctx, role: Role): string | undefined {
  switch (role) {
    case "anonymous":
      return undefined;
    case "badToken":
      return `${c.buyer.token.slice(0, -4)}AAAA`;
    case "admin":
      return c.admin;
    default:
      return c[role].token;
  }
}

// ---- The route files, read from disk: which paths exist and which methods they support.
const COMPAT_DIR = path.resolve(import.meta.dirname, "../../app/(compat)");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/(compat)/chats/[id]/route.ts` → `/chats/{id}/`, with the methods that are not refused. */
const ROUTES = routeFiles(COMPAT_DIR).map((file) => {
  const dir = path.relative(COMPAT_DIR, path.dirname(file)).split(path.sep).join("/");
  const route = `/${dir.replace(/\[(\w+)\]/g, "{$1}")}/`;
  const source = readFileSync(file, "utf8");
  // `export const { PUT, … } = otherMethods("GET")` names the methods refused with 405.
  const refusal = /export const \{([^}]*)\} = otherMethods\(([^)]*)\);/.exec(source);
  assert.ok(refusal, `${route} does not export otherMethods(...) for the methods it refuses`);
  const refused = (refusal[1] ?? "").split(",").map((name) => name.trim());
  const supported = METHODS.filter((method) => !refused.includes(method));
  for (const method of supported) {
    assert.match(
      source,
      new RegExp(`export const ${method} = `),
      `${route} exports no ${method} handler (an unexported method would answer without a DRF body)`,
    );
  }
  assert.deepEqual(
    (refusal[2] ?? "")
      .split(",")
      .map((name) => name.trim().replaceAll('"', ""))
      .sort(),
    [...supported].sort(),
    `${route}: otherMethods(...) must name exactly the methods the file serves`,
  );
  return { route, supported };
});

function concrete(route: string, c: Ctx): string {
  return route.replace("{id}", String(c.chatId)).replace("{company_id}", String(c.companyA));
}

describe("compatibility API authorization matrix", () => {
  let ctx: Ctx;
  before(async () => {
    const world = await makeWorld();
    const spare = await signUp("compat-spare");
    const started = await call("POST", `/chats/start/${world.companyA}/`, {
      token: world.buyer.token,
      body: { content: "Hello" },
    });
    assert.equal(started.status, 201, started.text);
    ctx = { ...world, spare, chatId: started.body.id };
  });

  it("covers every route and method in app/(compat)", () => {
    assert.ok(ROUTES.length >= 14, `found only ${ROUTES.length} route files`);
    const rows = new Set(MATRIX.map((row) => `${row.method} ${row.route}`));
    const served = ROUTES.flatMap(({ route, supported }) => supported.map((method) => `${method} ${route}`));
    assert.deepEqual(
      served.filter((key) => !rows.has(key)),
      [],
      "routes without a matrix row",
    );
    assert.deepEqual(
      [...rows].filter((key) => !served.includes(key)),
      [],
      "matrix rows without a route",
    );
  });

  for (const row of MATRIX) {
    for (const role of ROLES) {
      const allowed = permitted(row.access, role);
      const expected = allowed ? row.ok : role === "anonymous" || role === "badToken" ? 401 : 404;
      it(`${row.method} ${row.route} as ${role} → ${expected}`, async () => {
        const request = await row.request(ctx);
        const answer: Answer = await call(row.method, request.path, {
          token: tokenOf(ctx, role),
          body: request.body,
        });
        const statuses = Array.isArray(expected) ? expected : [expected];
        assert.ok(statuses.includes(answer.status), `${answer.status}: ${answer.text}`);
        if (answer.status === 401) {
          const detail =
            role === "anonymous"
              ? "Authentication credentials were not provided."
              : "Given token not valid for any token type";
          assert.equal(answer.body.detail, detail);
        }
        if (answer.status === 404) {
          assert.equal(typeof answer.body.detail, "string");
          assert.ok(!answer.text.includes(ctx.buyer.email), "a 404 names nothing of the chat");
        }
      });
    }
  }

  it("every method a path does not support is 405 with an Allow header, for any caller", async () => {
    for (const { route, supported } of ROUTES) {
      const allow = [...supported, ...(supported.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
      for (const method of METHODS.filter((m) => !supported.includes(m))) {
        for (const token of [undefined, ctx.buyer.token, ctx.admin]) {
          // A body where one is possible: a PATCH that would move the chat, were it accepted.
          const body = method === "GET" ? undefined : { company: ctx.companyB, is_active: false };
          const answer = await call(method, concrete(route, ctx), { token, body });
          assert.equal(answer.status, 405, `${method} ${route}: ${answer.status} ${answer.text}`);
          assert.deepEqual(answer.body, { detail: `Method "${method}" not allowed.` });
          assert.equal(answer.headers.get("allow"), allow, `${method} ${route}`);
        }
      }
    }
    const chat = await call("GET", `/chats/${ctx.chatId}/`, { token: ctx.buyer.token });
    assert.equal(chat.status, 200, "the chat survived every DELETE");
    assert.equal(chat.body.company, ctx.companyA);
    assert.equal(chat.body.is_active, true);
  });

  it("OPTIONS answers a CORS preflight without credentials", async () => {
    const answer = await call("OPTIONS", "/chats/", {
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("access-control-allow-origin"), "*");
    assert.match(answer.headers.get("access-control-allow-methods") ?? "", /POST/);
    assert.match(answer.headers.get("access-control-allow-headers") ?? "", /authorization/);
  });

  it("other tenants' callers never see the chat in lists or counts", async () => {
    const seenIn = async (role: Role, listPath: string) => {
      const answer = await call("GET", listPath, { token: tokenOf(ctx, role) });
      assert.equal(answer.status, 200, answer.text);
      const rows: { id: number }[] = Array.isArray(answer.body) ? answer.body : answer.body.results;
      return rows.some((row) => row.id === ctx.chatId);
    };
    for (const role of ["buyer", "otherBuyer", "directRep", "groupRep", "otherRep"] as const) {
      assert.equal(await seenIn(role, "/chats/"), role === "buyer", `/chats/ as ${role}`);
      assert.equal(
        await seenIn(role, "/chats/unread_count/"),
        role === "buyer",
        `/chats/unread_count/ as ${role}`,
      );
      // The representatives' companies have only this world's chats, so one page holds them.
      const companySide = role === "directRep" || role === "groupRep";
      assert.equal(await seenIn(role, "/company-chats/"), companySide, `/company-chats/ as ${role}`);
    }
    for (const role of ["otherBuyer", "directRep", "otherRep"] as const) {
      const directory = await call("GET", "/chat/companies-list/", { token: tokenOf(ctx, role) });
      const a = directory.body.find((company: { id: number }) => company.id === ctx.companyA);
      assert.notEqual(a.chat_id, ctx.chatId, `companies-list as ${role}`);
    }
  });
});
