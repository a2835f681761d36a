// The flags of Auth.js's session cookie, read from the Set-Cookie line of a real sign-in: on the
// test server (plain HTTP), behind a TLS-terminating proxy (X-Forwarded-Proto), and on servers
// started as production is: with AUTH_URL on https, and with HSTS=true.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../../scripts/test-server";
import { sessionCookieLine, signInAsBrowser } from "../support/browser-session";
import { ADMIN } from "../support/http";

/** The flags every session cookie has, over HTTP or HTTPS. */
function assertBaseFlags(line: string): void {
  assert.match(line, /;\s*HttpOnly(;|$)/i, line);
  assert.match(line, /;\s*SameSite=Lax(;|$)/i, line);
  assert.match(line, /;\s*Path=\/(;|$)/i, line);
  // A host-only cookie: no Domain attribute hands it to sibling subdomains.
  assert.doesNotMatch(line, /;\s*Domain=/i, line);
}

function assertSecure(line: string): void {
  assert.ok(line.startsWith("__Secure-authjs.session-token="), line);
  assert.match(line, /;\s*Secure(;|$)/i, line);
  assertBaseFlags(line);
}

async function sessionCookieFrom(options: Parameters<typeof signInAsBrowser>[1] = {}): Promise<string> {
  const { setCookies } = await signInAsBrowser(ADMIN, options);
  return sessionCookieLine(setCookies) ?? "";
}

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, and not Secure over plain HTTP", async () => {
    const line = await sessionCookieFrom();
    assert.ok(line.startsWith("authjs.session-token="), line);
    assertBaseFlags(line);
    assert.doesNotMatch(line, /;\s*Secure/i);
  });

  it("is Secure and __Secure- prefixed behind a proxy that says the request came over HTTPS", async () => {
    assertSecure(await sessionCookieFrom({ headers: { "x-forwarded-proto": "https" } }));
  });
});

/** A production server (next start) with `extraEnv`, on a database of its own. */
function productionServer(label: string, extraEnv: Record<string, string>) {
  const state: { server?: RunningServer; dataDir?: string } = {};
  before(async () => {
    state.dataDir = mkdtempSync(path.join(tmpdir(), `estate-chat-cookie-${label}-`));
    state.server = await startServer({
      DATA_DIR: state.dataDir,
      SEED_DEMO: "false",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...extraEnv,
    });
  });
  after(async () => {
    await state.server?.stop();
    if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
  });
  return () => state.server?.baseUrl ?? "";
}

describe("in production over HTTPS, with AUTH_URL=https://…", () => {
  // The proxy in front forwards no scheme: AUTH_URL alone tells Auth.js the site is HTTPS.
  const base = productionServer("auth-url", { AUTH_URL: "https://chat.example.test" });
  it("is Secure and __Secure- prefixed", async () => {
    assertSecure(await sessionCookieFrom({ base: base() }));
  });
});

describe("in production with HSTS=true", () => {
  // The site declared itself HTTPS-only; a proxy that forgets X-Forwarded-Proto changes nothing.
  const base = productionServer("hsts", { HSTS: "true" });
  it("is Secure and __Secure- prefixed even without a forwarded scheme", async () => {
    assertSecure(await sessionCookieFrom({ base: base() }));
  });
});
