// Authorization matrix of the compatibility API: every path and method, tried as every kind of
// caller. The rows are checked against the route files in app/(compat): a path or method added
// there without a row here fails "covers every route", and every method a path does not
// support must answer 405.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import {
  type CompatAccess as Access,
  type CompatCtx as Ctx,
  COMPAT_TABLE as MATRIX,
} from "../support/authz/compat-table";
import { type Answer, call, makeWorld, signUp } from "../support/http";

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
/** Callers with no claim on the world's chat: its message must never reach them, whatever the path. */
const OUTSIDERS = new Set<Role>(["anonymous", "badToken", "otherBuyer", "otherRep"]);

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
    const secret = `secret-${randomUUID()}`;
    const started = await call("POST", `/chats/start/${world.companyA}/`, {
      token: world.buyer.token,
      body: { content: `Hello, ${secret}` },
    });
    assert.equal(started.status, 201, started.text);
    ctx = { ...world, spare, chatId: started.body.id, secret };
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
        if (answer.status >= 400 || OUTSIDERS.has(role))
          assert.ok(!answer.text.includes(ctx.secret), "the chat's message leaked");
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
