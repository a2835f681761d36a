// Security headers (lib/http/security-headers.ts via next.config.ts, HSTS via proxy.ts) and the
// flags of the Auth.js session cookie, over real HTTP.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../../scripts/test-server";
import { ADMIN, baseUrl } from "../support/http";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

function assertSecurityHeaders(headers: Headers, label: string): void {
  for (const [name, value] of Object.entries(EXPECTED))
    assert.equal(headers.get(name), value, `${label}: ${name}`);
}

/** Signs the admin in through the browser form's endpoints; the Set-Cookie lines of the answer. */
async function signInCookies(extraHeaders: Record<string, string> = {}): Promise<string[]> {
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl()), { headers: extraHeaders });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const signIn = await fetch(new URL("/api/auth/callback/credentials", baseUrl()), {
    method: "POST",
    redirect: "manual",
    headers: { ...extraHeaders, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password }),
  });
  assert.ok(signIn.status >= 300 && signIn.status < 400, `sign-in answered ${signIn.status}`);
  return signIn.headers.getSetCookie();
}

const sessionCookie = (lines: string[]) =>
  lines.find((line) => /^(__Secure-)?authjs\.session-token=/.test(line));

describe("security headers", () => {
  it("a page carries them, and no HSTS without HSTS=true", async () => {
    const page = await fetch(new URL("/login", baseUrl()));
    assert.equal(page.status, 200);
    assertSecurityHeaders(page.headers, "/login");
    assert.equal(page.headers.get("strict-transport-security"), null);
  });

  it("API answers carry them, on both surfaces and on errors", async () => {
    for (const pathname of ["/api/v1/me", "/api/v1/no-such-endpoint", "/chats/", "/api/health"]) {
      const answer = await fetch(new URL(pathname, baseUrl()), { redirect: "manual" });
      await answer.body?.cancel();
      assertSecurityHeaders(answer.headers, pathname);
    }
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and not Secure over plain HTTP", async () => {
    const line = sessionCookie(await signInCookies());
    assert.ok(line, "no session cookie was set");
    assert.match(line, /;\s*HttpOnly/i);
    assert.match(line, /;\s*SameSite=Lax/i);
    assert.doesNotMatch(line, /;\s*Secure/i);
  });

  it("is Secure (and __Secure- prefixed) when the site is reached over HTTPS", async () => {
    // trustHost: behind a TLS-terminating proxy, Auth.js learns the scheme from this header.
    const line = sessionCookie(await signInCookies({ "x-forwarded-proto": "https" })) ?? "";
    assert.ok(line?.startsWith("__Secure-authjs.session-token="), String(line));
    assert.match(line, /;\s*Secure/i);
    assert.match(line, /;\s*HttpOnly/i);
    assert.match(line, /;\s*SameSite=Lax/i);
  });
});

describe("HSTS=true", () => {
  let server: RunningServer;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-hsts-"));
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: "false", HSTS: "true" });
  });
  after(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends Strict-Transport-Security on pages and API answers", async () => {
    for (const pathname of ["/login", "/api/v1/me", "/chats/"]) {
      const answer = await fetch(`${server.baseUrl}${pathname}`, { redirect: "manual" });
      await answer.body?.cancel();
      assert.equal(
        answer.headers.get("strict-transport-security"),
        "max-age=63072000; includeSubDomains",
        pathname,
      );
      assertSecurityHeaders(answer.headers, pathname);
    }
  });
});
