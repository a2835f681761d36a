// Run: node --import tsx --test lib/http/cross-origin.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { changesState, comesFromAnotherOrigin, hasSessionCookie } from "./cross-origin";

const from = (headers: Record<string, string>) =>
  comesFromAnotherOrigin(new Headers({ host: "chat.example:3000", ...headers }));

describe("cross-origin requests", () => {
  test("an Origin naming this host is this site's own", () => {
    assert.equal(from({ origin: "http://chat.example:3000" }), false);
    assert.equal(from({ origin: "https://CHAT.example:3000", "sec-fetch-site": "same-origin" }), false);
  });

  test("another host, port, the null origin or garbage is another origin", () => {
    assert.equal(from({ origin: "https://evil.example" }), true);
    assert.equal(from({ origin: "http://chat.example:4000" }), true);
    assert.equal(from({ origin: "http://sub.chat.example:3000" }), true);
    assert.equal(from({ origin: "null" }), true);
    assert.equal(from({ origin: "not a url" }), true);
    assert.equal(from({ origin: "file://" }), true);
  });

  test("behind a proxy, the forwarded host is the site's own and Host is not", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "chat.example, inner.example" };
    assert.equal(from({ ...headers, origin: "https://chat.example" }), false);
    assert.equal(from({ ...headers, origin: "http://127.0.0.1:3000" }), true);
  });

  test("without Origin, Sec-Fetch-Site decides; without either, nothing says so", () => {
    assert.equal(from({ "sec-fetch-site": "cross-site" }), true);
    assert.equal(from({ "sec-fetch-site": "same-site" }), true);
    assert.equal(from({ "sec-fetch-site": "same-origin" }), false);
    assert.equal(from({ "sec-fetch-site": "none" }), false);
    assert.equal(from({}), false);
  });

  test("state-changing methods", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) assert.equal(changesState(method), true);
    for (const method of ["GET", "HEAD", "OPTIONS"]) assert.equal(changesState(method), false);
  });

  test("the session cookie is found under every name Auth.js gives it, and only it", () => {
    const has = (cookie: string) => hasSessionCookie(new Headers({ cookie }));
    assert.equal(has("authjs.session-token=abc"), true);
    assert.equal(has("a=1; __Secure-authjs.session-token=abc"), true);
    assert.equal(has("a=1;authjs.session-token.0=abc; authjs.session-token.1=def"), true);
    assert.equal(has("authjs.csrf-token=abc; authjs.callback-url=x"), false);
    assert.equal(has("my-authjs.session-token=abc"), false);
    assert.equal(hasSessionCookie(new Headers()), false);
  });
});
