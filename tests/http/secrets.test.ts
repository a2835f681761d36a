// Passwords and secrets never stored in clear nor logged. A server of its own (embedded database,
// LOG_REQUESTS on, stdout and stderr captured) goes through everything that handles one:
// registration (API and the browser form), sign-in (form, token pair, the original's login),
// refresh, a wrong password, a malformed body holding a password, a password change, API keys,
// webhook secrets and their rotation. Then, with the server stopped, every row of every table
// and everything the server wrote are searched for each plaintext.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { type RunningServer, startServer } from "../../scripts/test-server";
import { signInAsBrowser } from "../support/browser-session";
import { type Answer, call } from "../support/http";
import { callServerAction } from "../support/server-actions";

const unique = () => randomBytes(6).toString("hex");
const ADMIN = { email: `admin-${unique()}@secrets.test`, password: `admin pass ${unique()}` };
const AUTH_SECRET = `auth-secret-${randomBytes(24).toString("hex")}`;

let server: RunningServer;
let dataDir: string;
/** What the dump must hold, so the search below is known to look at the right rows. */
const expectedInDatabase: string[] = [];
/** Every plaintext secret the run handled, by what it is. */
const secrets: { what: string; value: string }[] = [];
const remember = (what: string, value: unknown) => {
  assert.equal(typeof value, "string", `${what} is missing`);
  assert.ok((value as string).length >= 8, `${what} is too short to search for`);
  secrets.push({ what, value: value as string });
  return value as string;
};

function expect(answer: Answer, status: number, what: string): Answer {
  assert.equal(answer.status, status, `${what}: ${answer.text}`);
  return answer;
}

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-secrets-"));
  server = await startServer(
    {
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      LOG_REQUESTS: "true",
      AUTH_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    { captureStdout: true, captureStderr: true },
  );
  // The shared helpers (call) read the server's address at call time.
  process.env.TEST_BASE_URL = server.baseUrl;
  remember("AUTH_SECRET", AUTH_SECRET);
  remember("the admin's password", ADMIN.password);
});
after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs every flow that handles a secret, remembering each plaintext. */
async function exerciseSecrets(): Promise<void> {
  const admin = expect(await call("POST", "/api/v1/auth/token", { body: ADMIN }), 200, "admin token");
  const adminToken = remember("the admin's access token", admin.body.access_token);

  // Registration over the API, then every way to sign in.
  const buyer = { email: `buyer-${unique()}@secrets.test`, password: `buyer pass ${unique()}` };
  remember("a password registered over the API", buyer.password);
  const registered = expect(
    await call("POST", "/api/v1/auth/register", { body: { ...buyer, name: "Buyer" } }),
    201,
    "register",
  );
  const pair = expect(await call("POST", "/api/v1/auth/token", { body: buyer }), 200, "token").body;
  const access = remember("an access token", pair.access_token);
  remember("a refresh token", pair.refresh_token);
  const refreshed = expect(
    await call("POST", "/api/v1/auth/refresh", { body: { refresh_token: pair.refresh_token } }),
    200,
    "refresh",
  );
  remember("a refreshed access token", refreshed.body.access_token);
  const compat = expect(await call("POST", "/auth/login/", { body: buyer }), 200, "compat login").body;
  remember("the original's access token", compat.access);
  remember("the original's refresh token", compat.refresh);
  const compatRefreshed = expect(
    await call("POST", "/auth/login/refresh/", { body: { refresh: compat.refresh } }),
    200,
    "compat refresh",
  );
  remember("the original's refreshed access token", compatRefreshed.body.access);
  const browser = await signInAsBrowser(buyer, { base: server.baseUrl });
  remember("the browser session cookie", /authjs\.session-token=([^;]+)/.exec(browser.cookie)?.[1]);
  expect(await call("GET", "/api/v1/me", { headers: { cookie: browser.cookie } }), 200, "me by cookie");

  // A wrong password, and a password in a body the server cannot parse.
  const wrong = remember("a wrong password", `wrong pass ${unique()}`);
  expect(
    await call("POST", "/api/v1/auth/token", { body: { email: buyer.email, password: wrong } }),
    401,
    "wrong",
  );
  const garbled = remember("a password in a malformed body", `garbled pass ${unique()}`);
  const malformed = await call("POST", "/api/v1/auth/token", {
    rawBody: `{"email":"${buyer.email}","password":"${garbled}"`,
    headers: { "content-type": "application/json" },
  });
  expect(malformed, 400, "malformed body");

  // A password change, through the idempotency store (which keeps requests' fingerprints).
  const changed = remember("a changed password", `new pass ${unique()}`);
  expect(
    await call("POST", "/api/v1/me/password", {
      token: access,
      headers: { "idempotency-key": `change-${unique()}` },
      body: { current_password: buyer.password, new_password: changed },
    }),
    204,
    "password change",
  );
  expect(
    await call("POST", "/api/v1/auth/token", { body: { ...buyer, password: changed } }),
    200,
    "new password",
  );

  // Registration through the browser form (a server action).
  const formUser = { email: `form-${unique()}@secrets.test`, password: `form pass ${unique()}` };
  remember("a password registered through the form", formUser.password);
  const action = await callServerAction(server.baseUrl, "/register", "registerAccount", {
    ...formUser,
    name: "Form User",
  });
  assert.ok(action.status < 400, `register form answered ${action.status}`);
  expect(await call("POST", "/api/v1/auth/token", { body: formUser }), 200, "form user's token");

  // API keys: personal and company; each used once.
  const company = expect(
    await call("POST", "/api/v1/admin/companies", {
      token: adminToken,
      body: { name: `Secrets ${unique()}` },
    }),
    201,
    "company",
  ).body;
  expect(
    await call("PATCH", `/api/v1/admin/users/${registered.body.id}`, {
      token: adminToken,
      body: { company_id: company.id },
    }),
    200,
    "link representative",
  );
  const personal = expect(
    await call("POST", "/api/v1/api-keys", { token: access, body: { name: "mine", scopes: ["chats:read"] } }),
    201,
    "personal key",
  ).body;
  remember("a personal access token", personal.secret);
  // The secret part alone too (esk_ or esp_, 16 hex digits of public id, _, then the secret).
  remember("a personal access token's secret part", personal.secret.slice(21));
  expectedInDatabase.push(personal.secret.slice(4, 20)); // the public id
  const companyKey = expect(
    await call("POST", "/api/v1/api-keys", {
      token: access,
      body: { name: "crm", scopes: ["chats:read", "webhooks:manage"], company_id: company.id },
    }),
    201,
    "company key",
  ).body;
  remember("a company key", companyKey.secret);
  remember("a company key's secret part", companyKey.secret.slice(21));
  expect(await call("GET", "/api/v1/me", { token: personal.secret }), 200, "personal key in use");
  expect(await call("GET", "/api/v1/company/chats", { token: companyKey.secret }), 200, "company key in use");

  // Webhook secrets: at creation and rotation. Nothing listens on port 9: attempts fail and log.
  const hook = expect(
    await call("POST", "/api/v1/company/webhooks", {
      token: access,
      body: { company_id: company.id, url: "http://127.0.0.1:9/hook", event_types: ["chat.created"] },
    }),
    201,
    "webhook",
  ).body;
  remember("a webhook secret", hook.secret);
  remember("a webhook secret without its whsec_ prefix", hook.secret.slice(6));
  const rotated = expect(
    await call("POST", `/api/v1/company/webhooks/${hook.id}/rotate-secret`, { token: access }),
    200,
    "rotate",
  ).body;
  remember("a rotated webhook secret", rotated.secret);
  expectedInDatabase.push(hintStart(rotated.secret)); // the stored hint shows its start

  // Signing out over the API.
  expect(await call("POST", "/api/v1/auth/revoke", { token: access }), 204, "revoke");
}

/** The start of a webhook secret that its stored hint shows (lib/webhooks/secret-box.ts). */
const hintStart = (secret: string) => secret.slice(0, 10);

/** Every row of every table of the embedded database, as JSON text. */
async function dumpDatabase(): Promise<string> {
  const db = new PGlite(path.join(dataDir, "pglite"));
  try {
    const tables = await db.query<{ name: string }>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
         FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    assert.ok(tables.rows.length > 10, `only ${tables.rows.length} tables found`);
    const dumps: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      dumps.push(`${name}\n${rows.rows.map(({ row }) => row).join("\n")}`);
    }
    return dumps.join("\n");
  } finally {
    await db.close();
  }
}

describe("secrets", () => {
  it("appear in no table and in nothing the server wrote", async () => {
    await exerciseSecrets();
    await server.stop();
    const output = `${server.stdout()}\n${server.stderr()}`;
    const database = await dumpDatabase();
    // The run did happen: the log has its requests, the database its rows.
    assert.match(output, /"path":"\/api\/v1\/auth\/token"/);
    assert.match(output, /"path":"\/api\/v1\/company\/webhooks"/);
    for (const text of ["buyer-", "form-", ...expectedInDatabase])
      assert.ok(database.includes(text), `the database lacks ${text}`);
    const found = (text: string) =>
      secrets
        .filter(({ value }) => text.includes(value))
        .map(({ what }) => what)
        .sort();
    assert.deepEqual(found(database), [], "secrets stored in clear");
    assert.deepEqual(found(output), [], "secrets in the server's output");
  });
});
