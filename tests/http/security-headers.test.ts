// Security headers over real HTTP: the static ones (lib/http/security-headers.ts via
// next.config.ts), the Content-Security-Policy and HSTS (proxy.ts). The session cookie's flags
// are in session-cookie.test.ts; that no page breaks its policy is checked in a browser
// (e2e/content-security-policy.spec.ts).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../../scripts/test-server";
import { baseUrl } from "../support/http";

const STATIC = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function assertStaticHeaders(headers: Headers, label: string): void {
  for (const [name, value] of Object.entries(STATIC))
    assert.equal(headers.get(name), value, `${label}: ${name}`);
}

/** The page policy's directives by name; fails unless the header is there exactly once. */
function pagePolicy(headers: Headers, label: string): Map<string, string> {
  const value = headers.get("content-security-policy");
  assert.ok(value, `${label}: no Content-Security-Policy`);
  // Headers joins repeated fields with ", "; two policies would both be enforced.
  assert.doesNotMatch(value, /, /, `${label}: more than one policy`);
  return new Map(
    value.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(" ")];
    }),
  );
}

const NONCE = /^'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'$/;

async function get(pathname: string, base = baseUrl()) {
  const answer = await fetch(new URL(pathname, base), { redirect: "manual" });
  return { status: answer.status, headers: answer.headers, text: await answer.text() };
}

describe("security headers", () => {
  it("a page has a strict policy whose nonce is on each of its scripts and styles", async () => {
    const page = await get("/login");
    assert.equal(page.status, 200);
    assertStaticHeaders(page.headers, "/login");
    assert.equal(page.headers.get("strict-transport-security"), null);
    const policy = pagePolicy(page.headers, "/login");
    assert.deepEqual(Object.fromEntries(policy), {
      "default-src": "'self'",
      "script-src": policy.get("script-src"),
      "style-src": policy.get("style-src"),
      // Listing photos are links to other hosts; scripts, styles and fetches stay 'self'.
      "img-src": "'self' data: https: http:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
    const nonce = NONCE.exec(policy.get("script-src") ?? "")?.[1];
    assert.ok(nonce, `script-src: ${policy.get("script-src")}`);
    assert.equal(policy.get("style-src"), `'self' 'nonce-${nonce}'`);
    // No 'unsafe-inline' or 'unsafe-eval' anywhere: next start is production.
    assert.doesNotMatch(page.headers.get("content-security-policy") ?? "", /unsafe/);
    const scripts = [...page.text.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    assert.ok(scripts.length > 0, "the page has no scripts");
    for (const tag of scripts)
      assert.match(tag, new RegExp(`nonce="${nonce.replace(/[+/]/g, "\\$&")}"`), tag);
    for (const [tag] of page.text.matchAll(/<style\b[^>]*>/g)) assert.match(tag, /nonce="/, tag);
  });

  it("every page answer gets a nonce of its own", async () => {
    const nonces = new Set<string>();
    for (const pathname of ["/", "/login", "/register", "/docs/api", "/no-such-page", "/login"]) {
      const page = await get(pathname);
      const nonce = NONCE.exec(pagePolicy(page.headers, pathname).get("script-src") ?? "")?.[1];
      assert.ok(nonce, pathname);
      nonces.add(nonce);
      assertStaticHeaders(page.headers, pathname);
    }
    assert.equal(nonces.size, 6);
  });

  it("API answers allow nothing to load, on both surfaces and on errors", async () => {
    for (const pathname of ["/api/v1/me", "/api/v1/no-such-endpoint", "/chats/", "/chats", "/api/health"]) {
      const answer = await get(pathname);
      assertStaticHeaders(answer.headers, pathname);
      assert.equal(answer.headers.get("content-security-policy"), API_CSP, pathname);
    }
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
      const answer = await get(pathname, server.baseUrl);
      assert.equal(
        answer.headers.get("strict-transport-security"),
        "max-age=63072000; includeSubDomains",
        pathname,
      );
      assertStaticHeaders(answer.headers, pathname);
      assert.ok(answer.headers.get("content-security-policy"), pathname);
    }
  });
});
