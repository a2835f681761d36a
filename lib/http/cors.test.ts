// Run: node --import tsx --test lib/http/cors.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { allowOriginFor, applyCors, corsPreflightHeaders, corsResponseHeaders } from "./cors";

const list = ["https://app.example", "http://localhost:5173"];

describe("CORS", () => {
  test("an origin on the list is echoed; others and none get nothing", () => {
    assert.equal(allowOriginFor("https://app.example", list), "https://app.example");
    assert.equal(allowOriginFor("https://evil.example", list), null);
    assert.equal(allowOriginFor(null, list), null);
    assert.equal(allowOriginFor("https://app.example", []), null);
  });
  test("* allows every origin, without credentials", () => {
    assert.equal(allowOriginFor("https://any.example", "*"), "*");
    const headers = corsResponseHeaders("https://any.example", "*");
    assert.equal(headers["access-control-allow-origin"], "*");
    assert.equal(headers["access-control-allow-credentials"], undefined);
  });
  test("actual responses expose the platform's headers and vary on Origin", () => {
    const headers = corsResponseHeaders("https://app.example", list);
    assert.equal(headers.vary, "Origin");
    for (const name of ["ETag", "Retry-After", "RateLimit-Remaining", "Idempotent-Replayed", "X-Request-Id"])
      assert.ok(headers["access-control-expose-headers"]?.includes(name), name);
    assert.deepEqual(corsResponseHeaders("https://evil.example", list), { vary: "Origin" });
  });
  test("preflights allow the headers clients send", () => {
    const headers = corsPreflightHeaders("http://localhost:5173", list);
    for (const name of ["Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"])
      assert.ok(headers["access-control-allow-headers"]?.includes(name), name);
    assert.ok(headers["access-control-allow-methods"]?.includes("PATCH"));
    assert.equal(
      corsPreflightHeaders("https://evil.example", list)["access-control-allow-origin"],
      undefined,
    );
  });
  test("applyCors merges Vary with what the response already varies on", () => {
    const headers = new Headers({ vary: "Accept-Encoding" });
    applyCors(headers, "https://app.example", list);
    applyCors(headers, "https://app.example", list);
    assert.equal(headers.get("vary"), "Accept-Encoding, Origin");
  });
});
