// The browser side of the authorization table: every page, the probes and Auth.js's endpoints,
// tried with no session and with a session cookie of every kind of person. A chat's first
// message carries a secret that must appear only where the chat is the caller's to see.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import { PAGE_TABLE, type PageAccess, SITE_ROLES, type SiteRole } from "../../support/authz/site-table";
import { sessionCookieFor } from "../../support/browser-session";
import { ADMIN, baseUrl, call, makeWorld, PASSWORD, type World } from "../../support/http";

type Ctx = World & {
  chatId: number;
  listingId: number;
  secret: string;
  cookies: Record<SiteRole, string | undefined>;
};

const emailOf = (ctx: World, role: Exclude<SiteRole, "anonymous">) =>
  role === "admin" ? ADMIN.email : ctx[role].email;
const passwordOf = (role: SiteRole) => (role === "admin" ? ADMIN.password : PASSWORD);

async function makeCtx(): Promise<Ctx> {
  const world = await makeWorld();
  const secret = `secret-${randomUUID()}`;
  const started = await call("POST", "/api/v1/chats", {
    token: world.buyer.token,
    body: { company_id: world.companyA, content: `Hello A, ${secret}` },
  });
  assert.equal(started.status, 201, started.text);
  const listed = await call("PUT", `/api/v1/company/listings/site-${randomUUID()}`, {
    token: world.directRep.token,
    body: { title: "Flat with a view", price: { amount: 350000, currency: "EUR" } },
  });
  assert.equal(listed.status, 201, listed.text);
  const signedIn = await Promise.all(
    SITE_ROLES.map(async (role) =>
      role === "anonymous" ? undefined : sessionCookieFor(emailOf(world, role), passwordOf(role)),
    ),
  );
  const cookies = Object.fromEntries(SITE_ROLES.map((role, i) => [role, signedIn[i]])) as Ctx["cookies"];
  return { ...world, chatId: started.body.id, listingId: listed.body.id, secret, cookies };
}

type Visit = { status: number; location: string | null; text: string };

async function visit(path: string, cookie: string | undefined, init: RequestInit = {}): Promise<Visit> {
  const response = await fetch(new URL(path, baseUrl()), {
    ...init,
    redirect: "manual",
    headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

/**
 * What a browser makes of an answer: "200", "404", or "→ target" for a
 * redirect. A page that streams (it has a loading.tsx) has sent its 200 before it decides to
 * redirect, so Next redirects it with a meta refresh: for a browser that is a redirect too.
 */
function outcomeOf(answer: Visit): string {
  if (answer.status >= 300 && answer.status < 400) return `→ ${answer.location}`;
  const streamed = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]*)"/.exec(
    answer.text,
  );
  if (answer.status === 200 && streamed?.[1]) return `→ ${streamed[1].replaceAll("&amp;", "&")}`;
  return String(answer.status);
}

const REPRESENTS_A = new Set<SiteRole>(["directRep", "groupRep", "admin"]);

function expectedOutcome(access: PageAccess, role: SiteRole, path: string): string {
  const signIn = `→ /login?callbackUrl=${encodeURIComponent(path)}`;
  switch (access) {
    case "public":
      return "200";
    case "guest":
      return role === "anonymous" ? "200" : "→ /";
    case "redirect":
      return "→ /settings/api-keys";
    case "user":
      return role === "anonymous" ? signIn : "200";
    case "admin":
      return role === "anonymous" ? signIn : role === "admin" ? "200" : "404";
    case "buyerChat":
      return role === "anonymous" ? signIn : role === "buyer" ? "200" : "404";
    case "companyChat":
      return role === "anonymous" ? signIn : REPRESENTS_A.has(role) ? "200" : "404";
  }
}

/** May this caller see the world's chat on this page? Then its secret is there; otherwise never. */
function showsChat(access: PageAccess, role: SiteRole): boolean {
  if (access === "buyerChat") return role === "buyer";
  if (access === "companyChat") return REPRESENTS_A.has(role);
  return false;
}

describe("authz: every page as every browser", () => {
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  for (const [pattern, access] of Object.entries(PAGE_TABLE)) {
    it(`${pattern} (${access})`, async () => {
      const path = pattern
        .replace("{chatId}", String(ctx.chatId))
        .replace("{listingId}", String(ctx.listingId));
      const answers = await Promise.all(SITE_ROLES.map((role) => visit(path, ctx.cookies[role])));
      const actual = Object.fromEntries(SITE_ROLES.map((role, i) => [role, outcomeOf(answers[i] as Visit)]));
      const expected = Object.fromEntries(
        SITE_ROLES.map((role) => [role, expectedOutcome(access, role, path)]),
      );
      assert.deepEqual(actual, expected, `${path} by caller`);
      SITE_ROLES.forEach((role, i) => {
        const shown = (answers[i] as Visit).text.includes(ctx.secret);
        if (showsChat(access, role)) assert.ok(shown, `${role} ${path}: the chat's message is on the page`);
        else if (role !== "buyer" && !REPRESENTS_A.has(role))
          assert.equal(shown, false, `${role} ${path}: the chat's message leaked`);
      });
    });
  }

  it("another person's chat is the same 404 as a chat that does not exist", async () => {
    for (const [pattern, role] of [
      ["/inbox/{id}", "otherBuyer"],
      ["/inbox/{id}", "directRep"],
      ["/console/chats/{id}", "otherRep"],
      ["/console/chats/{id}", "buyer"],
    ] as const) {
      const real = await visit(pattern.replace("{id}", String(ctx.chatId)), ctx.cookies[role]);
      const ghost = await visit(pattern.replace("{id}", "2147483000"), ctx.cookies[role]);
      assert.deepEqual([real.status, ghost.status], [404, 404], `${role} ${pattern}`);
      assert.equal(real.text.includes(ctx.secret), false, `${role} ${pattern}: the chat's message leaked`);
      if (role !== "buyer")
        assert.equal(real.text.includes(ctx.buyer.email), false, `${role} ${pattern} names the buyer`);
    }
  });

  it("a page path that does not decode is a 404, never a 500", async () => {
    // Next's route matching fails on these with a bare 500; proxy.ts answers them first.
    for (const path of ["/inbox/%ZZ", "/console/chats/%ED%A0%80", "/inbox/50%"]) {
      for (const role of ["anonymous", "buyer"] as const) {
        assert.equal((await visit(path, ctx.cookies[role])).status, 404, `${role} ${path}`);
      }
    }
  });
});

describe("authz: the listing page", () => {
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  it("shows the listing to everyone signed in; an unknown or malformed id is the 404 page", async () => {
    const signedIn = SITE_ROLES.filter((role) => role !== "anonymous");
    for (const role of signedIn) {
      const page = await visit(`/listings/${ctx.listingId}`, ctx.cookies[role]);
      assert.equal(page.status, 200, role);
      assert.ok(page.text.includes("Flat with a view"), `${role}: the listing's title is on the page`);
      assert.ok(page.text.includes("€350,000"), `${role}: its price is on the page`);
    }
    for (const id of ["2147483000", "0", "abc", "1e3"]) {
      const page = await visit(`/listings/${id}`, ctx.cookies.buyer);
      assert.equal(page.status, 404, `/listings/${id}`);
      assert.match(page.text, /Page not found/, `/listings/${id}`);
    }
    // Signed out: the sign-in page, which says nothing about whether the listing exists.
    const anonymous = await visit(`/listings/${ctx.listingId}`, undefined);
    assert.equal(anonymous.text.includes("Flat with a view"), false);
  });
});

describe("authz: the probes and Auth.js's endpoints, as every browser", () => {
  let ctx: Ctx;
  before(async () => {
    ctx = await makeCtx();
  });

  const everyone = async (path: string) =>
    Promise.all(SITE_ROLES.map(async (role) => ({ role, answer: await visit(path, ctx.cookies[role]) })));

  it("GET /api/live and GET /api/health answer everyone alike, naming no one", async () => {
    for (const path of ["/api/live", "/api/health"]) {
      for (const { role, answer } of await everyone(path)) {
        assert.equal(answer.status, 200, `${role} ${path}`);
        assert.equal(JSON.parse(answer.text).status, "ok", `${role} ${path}`);
        assert.equal(answer.text.includes("@"), false, `${role} ${path} names no one`);
      }
    }
  });

  it("GET /api/auth/session is null without a session and each person's own with one", async () => {
    for (const { role, answer } of await everyone("/api/auth/session")) {
      assert.equal(answer.status, 200, role);
      const session = JSON.parse(answer.text);
      if (role === "anonymous") assert.equal(session, null);
      else assert.equal(session.user.email, emailOf(ctx, role), `${role} sees their own session`);
      assert.equal(answer.text.includes(ctx.secret), false);
    }
  });

  it("GET /api/auth/csrf, /providers and /signin answer everyone alike", async () => {
    for (const { role, answer } of await everyone("/api/auth/csrf")) {
      assert.equal(answer.status, 200, role);
      assert.match(JSON.parse(answer.text).csrfToken, /^[0-9a-f]{32,}$/, role);
    }
    for (const { role, answer } of await everyone("/api/auth/providers")) {
      assert.deepEqual(Object.keys(JSON.parse(answer.text)), ["credentials"], role);
    }
    for (const { role, answer } of await everyone("/api/auth/signin")) {
      assert.equal(answer.status, 302, role);
      assert.match(answer.location ?? "", /^\/login\?/, role);
    }
  });

  it("POST /api/auth/signout ends only the caller's own session, and only with the CSRF token", async () => {
    // Sessions of their own: signing out must not end the ones the other tests use.
    const people = SITE_ROLES.filter((role) => role !== "anonymous");
    const fresh = await Promise.all(
      people.map((role) => sessionCookieFor(emailOf(ctx, role), passwordOf(role))),
    );
    const signOut = async (cookie: string | undefined, withToken: boolean) => {
      const csrf = await fetch(new URL("/api/auth/csrf", baseUrl()), { headers: cookie ? { cookie } : {} });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]);
      return visit("/api/auth/signout", [cookie, ...csrfCookie].filter(Boolean).join("; "), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(withToken ? { csrfToken } : {}),
      });
    };
    const me = (cookie: string) => call("GET", "/api/v1/me", { headers: { cookie } });

    const anonymous = await signOut(undefined, true);
    assert.equal(anonymous.status, 302, "anonymous sign-out is a harmless redirect");
    for (const [i, role] of people.entries()) {
      const cookie = fresh[i] as string;
      const refused = await signOut(cookie, false);
      assert.match(refused.location ?? "", /error=MissingCSRF/, `${role} without the token`);
      assert.equal((await me(cookie)).status, 200, `${role}: still signed in after a refused sign-out`);
      assert.equal((await signOut(cookie, true)).status, 302, role);
      assert.equal((await me(cookie)).status, 401, `${role}: the session ended`);
    }
    // Everyone else's sessions live on.
    for (const role of people) {
      assert.equal((await me(ctx.cookies[role] as string)).status, 200, `${role}'s other session`);
    }
  });

  it("POST /api/auth/callback/credentials signs in only with the right password", async () => {
    const csrf = await fetch(new URL("/api/auth/csrf", baseUrl()));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const answer = await fetch(new URL("/api/auth/callback/credentials", baseUrl()), {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: ctx.buyer.email, password: "not the password" }),
    });
    await answer.body?.cancel();
    assert.equal(answer.status, 302);
    assert.equal(
      answer.headers.getSetCookie().some((line) => /session-token=[^;]/.test(line)),
      false,
      "no session for a wrong password",
    );
  });
});
