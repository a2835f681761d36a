// Cross-site request forgery: a request another site makes the browser send carries the
// session cookie. Cookie-authenticated changes to /api/v1 from another origin are refused (403,
// nothing changed: lib/http/cross-origin.ts via resolveCaller); bearer tokens are unaffected.
// Next refuses server actions (the sign-in and registration forms) from another origin itself.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { signInAsBrowser } from "../support/browser-session";
import { asAdmin, call, PASSWORD, signUp, type TestUser, tokenFor, uniqueEmail } from "../support/http";
import { callServerAction } from "../support/server-actions";

const FOREIGN = "https://attacker.example";
const ownOrigin = () => new URL(process.env.TEST_BASE_URL ?? "http://127.0.0.1:3100").origin;

let buyer: TestUser;
let cookie: string;
let companyId: number;

before(async () => {
  buyer = await signUp("csrf-buyer");
  ({ cookie } = await signInAsBrowser({ email: buyer.email, password: PASSWORD }));
  const company = await call("POST", "/api/v1/admin/companies", {
    token: await asAdmin(),
    body: { name: `CSRF target ${buyer.id}` },
  });
  assert.equal(company.status, 201, company.text);
  companyId = company.body.id;
});

/** A request with the buyer's session cookie and `headers` saying where it came from. */
const withCookie = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  call(method, path, { headers: { cookie, ...headers }, body });

const chatsOf = async (user: TestUser) =>
  (await call("GET", "/api/v1/chats", { token: user.token })).body.data as { company: { id: number } }[];

function assertRefused(answer: Awaited<ReturnType<typeof call>>, label: string): void {
  assert.equal(answer.status, 403, `${label}: ${answer.text}`);
  assert.match(answer.headers.get("content-type") ?? "", /application\/problem\+json/, label);
  assert.equal(answer.body.status, 403, label);
}

describe("cookie-authenticated changes from another origin", () => {
  it("are refused, whatever says the origin is foreign, and change nothing", async () => {
    const foreign: Record<string, Record<string, string>> = {
      "another site's Origin": { origin: FOREIGN, "sec-fetch-site": "cross-site" },
      "a sibling subdomain": { origin: "https://other.example.test", "sec-fetch-site": "same-site" },
      "the null origin": { origin: "null" },
      "another port of this host": { origin: ownOrigin().replace(/:\d+$/, ":1") },
      "Sec-Fetch-Site alone": { "sec-fetch-site": "cross-site" },
    };
    for (const [label, headers] of Object.entries(foreign)) {
      const answer = await withCookie("POST", "/api/v1/chats", headers, {
        company_id: companyId,
        content: "hi",
      });
      assertRefused(answer, label);
    }
    assert.deepEqual(await chatsOf(buyer), [], "a chat was started");
  });

  it("cover every method and route that changes something", async () => {
    const headers = { origin: FOREIGN };
    // The password stays, the session stays signed in.
    assertRefused(
      await withCookie("POST", "/api/v1/me/password", headers, {
        current_password: PASSWORD,
        new_password: "an attacker's password",
      }),
      "password change",
    );
    await tokenFor(buyer.email, PASSWORD);
    assertRefused(await withCookie("POST", "/api/v1/auth/revoke", headers), "sign-out");
    const key = await call("POST", "/api/v1/api-keys", {
      token: buyer.token,
      body: { name: "kept", scopes: ["chats:read"] },
    });
    assert.equal(key.status, 201, key.text);
    assertRefused(await withCookie("DELETE", `/api/v1/api-keys/${key.body.id}`, headers), "delete a key");
    assert.equal((await call("GET", "/api/v1/me", { token: key.body.secret })).status, 200, "key revoked");
    assertRefused(
      await withCookie("POST", "/api/v1/api-keys", headers, { name: "stolen", scopes: ["chats:read"] }),
      "make a key",
    );
    const keys = await call("GET", "/api/v1/api-keys", { token: buyer.token });
    assert.deepEqual(
      keys.body.data.map((k: { name: string }) => k.name),
      ["kept"],
    );
    assert.equal((await withCookie("GET", "/api/v1/me", {})).status, 200, "the session was signed out");
  });

  it("reads from another origin are anonymous", async () => {
    const answer = await withCookie("GET", "/api/v1/me", { origin: FOREIGN, "sec-fetch-site": "cross-site" });
    assert.equal(answer.status, 401, answer.text);
  });
});

describe("what stays allowed", () => {
  it("the same cookie from this site's own pages", async () => {
    const answer = await withCookie(
      "POST",
      "/api/v1/chats",
      { origin: ownOrigin(), "sec-fetch-site": "same-origin" },
      { company_id: companyId, content: "from our own page" },
    );
    assert.equal(answer.status, 201, answer.text);
  });

  it("a bearer token from another origin (CORS governs those), even with the cookie beside it", async () => {
    const other = await signUp("csrf-bearer");
    const answer = await call("POST", "/api/v1/chats", {
      token: other.token,
      headers: { origin: FOREIGN, "sec-fetch-site": "cross-site", cookie },
      body: { company_id: companyId, content: "from a mobile app's web view" },
    });
    assert.equal(answer.status, 201, answer.text);
    assert.equal((await chatsOf(other)).length, 1);
  });

  it("an API key from another origin", async () => {
    const key = await call("POST", "/api/v1/api-keys", {
      token: buyer.token,
      body: { name: "cross-origin reader", scopes: ["chats:read", "messages:write"] },
    });
    const chats = await call("GET", "/api/v1/chats", {
      token: key.body.secret,
      headers: { origin: FOREIGN },
    });
    assert.equal(chats.status, 200, chats.text);
    const chatId = chats.body.data[0].id;
    const read = await call("POST", `/api/v1/chats/${chatId}/read`, {
      token: key.body.secret,
      headers: { origin: FOREIGN, "sec-fetch-site": "cross-site" },
    });
    assert.ok(read.status < 300, read.text);
  });

  it("registration and sign-in from another origin: they use no cookie", async () => {
    const email = uniqueEmail("csrf-register");
    const registered = await call("POST", "/api/v1/auth/register", {
      headers: { origin: FOREIGN, cookie },
      body: { email, name: "Elsewhere", password: PASSWORD },
    });
    assert.equal(registered.status, 201, registered.text);
    await tokenFor(email, PASSWORD);
  });
});

describe("server actions (the browser forms) from another origin", () => {
  it("registration is refused by Next and makes no account; from this origin it works", async () => {
    const refusedEmail = uniqueEmail("action-foreign");
    const refused = await callServerAction(
      ownOrigin(),
      "/register",
      "registerAccount",
      { email: refusedEmail, name: "Foreign", password: PASSWORD },
      { origin: FOREIGN },
    );
    // Next answers a forged fetch action 500 with an error payload, before decoding its arguments.
    assert.equal(refused.status, 500, refused.text);
    const noAccount = await call("POST", "/api/v1/auth/token", {
      body: { email: refusedEmail, password: PASSWORD },
    });
    assert.equal(noAccount.status, 401, "the refused action made an account");

    const acceptedEmail = uniqueEmail("action-own");
    const accepted = await callServerAction(
      ownOrigin(),
      "/register",
      "registerAccount",
      { email: acceptedEmail, name: "Own", password: PASSWORD },
      { origin: ownOrigin() },
    );
    assert.ok(accepted.status < 400, `${accepted.status} ${accepted.text}`);
    await tokenFor(acceptedEmail, PASSWORD);
  });

  it("sign-in is refused by Next and sets no session cookie; from this origin it does", async () => {
    const credentials = { email: buyer.email, password: PASSWORD, callbackUrl: "/" };
    const refused = await callServerAction(ownOrigin(), "/login", "signInWithPassword", credentials, {
      origin: FOREIGN,
    });
    assert.equal(refused.status, 500, refused.text);
    assert.ok(!refused.setCookies.some((line) => line.includes("session-token")), "a session cookie was set");
    const accepted = await callServerAction(ownOrigin(), "/login", "signInWithPassword", credentials, {
      origin: ownOrigin(),
    });
    assert.ok(
      accepted.setCookies.some((line) => line.startsWith("authjs.session-token=")),
      `no session cookie: ${accepted.status} ${accepted.setCookies.join(" | ")}`,
    );
  });
});
