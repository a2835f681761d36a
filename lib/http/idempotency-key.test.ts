// Run: node --import tsx --test lib/http/idempotency-key.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  canonicalBody,
  fingerprintOf,
  isReplayable,
  isValidIdempotencyKey,
  usesIdempotencyStore,
} from "./idempotency-key";

const post = (path: string, key?: string) =>
  new Request(`http://x${path}`, { method: "POST", headers: key ? { "idempotency-key": key } : {} });

describe("Idempotency-Key rules", () => {
  test("keys: 1 to 200 printable ASCII characters, no spaces", () => {
    assert.ok(isValidIdempotencyKey("a"));
    assert.ok(isValidIdempotencyKey("k".repeat(200)));
    assert.ok(isValidIdempotencyKey("550e8400-e29b-41d4-a716-446655440000"));
    for (const bad of ["", "k".repeat(201), "a b", "é", "tab\there"])
      assert.ok(!isValidIdempotencyKey(bad), bad);
  });
  test("the store serves authenticated POSTs with a key, not auth endpoints or anonymous callers", () => {
    assert.ok(usesIdempotencyStore(post("/api/v1/chats", "k"), "user:1"));
    assert.ok(!usesIdempotencyStore(post("/api/v1/chats"), "user:1"));
    assert.ok(!usesIdempotencyStore(post("/api/v1/chats", "k"), null));
    assert.ok(!usesIdempotencyStore(post("/api/v1/auth/token", "k"), "user:1"));
    const get = new Request("http://x/api/v1/chats", { headers: { "idempotency-key": "k" } });
    assert.ok(!usesIdempotencyStore(get, "user:1"));
  });
  test("the fingerprint ignores key order and whitespace, not values", () => {
    const a = fingerprintOf('{"content":"hi","meta":{"b":1,"a":2}}', "s");
    assert.equal(a, fingerprintOf('{ "meta": {"a":2, "b":1}, "content": "hi" }', "s"));
    assert.notEqual(a, fingerprintOf('{"content":"hi!","meta":{"b":1,"a":2}}', "s"));
    assert.notEqual(a, fingerprintOf('{"content":"hi","meta":{"b":1,"a":2}}', "other secret"));
    assert.equal(canonicalBody("not json"), "not json");
    assert.equal(canonicalBody("[2, 1]"), "[2,1]");
  });
  test("only 2xx answers are kept", () => {
    assert.ok(isReplayable(200) && isReplayable(201) && isReplayable(204));
    assert.ok(!isReplayable(409) && !isReplayable(422) && !isReplayable(500));
  });
});
