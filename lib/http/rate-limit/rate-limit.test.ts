// Run: node --import tsx --test lib/http/rate-limit/rate-limit.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MemoryRateLimitStore } from "./memory-store";
import { rateLimitHeaders, verdictOf } from "./verdict";

describe("MemoryRateLimitStore", () => {
  test("counts per key within a window and starts over in the next", async () => {
    let now = 120_500;
    const store = new MemoryRateLimitStore(() => now);
    assert.deepEqual(await store.hit("a", 60), { count: 1, resetSeconds: 60 });
    assert.deepEqual(await store.hit("a", 60), { count: 2, resetSeconds: 60 });
    assert.deepEqual(await store.hit("b", 60), { count: 1, resetSeconds: 60 });
    now = 179_100;
    assert.deepEqual(await store.hit("a", 60), { count: 3, resetSeconds: 1 });
    now = 180_000;
    assert.deepEqual(await store.hit("a", 60), { count: 1, resetSeconds: 60 });
  });
  test("past windows are swept once the map is large", async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    for (let i = 0; i < 10_000; i++) await store.hit(`k${i}`, 1);
    now = 5_000;
    await store.hit("fresh", 1);
    assert.equal(store.size, 1);
  });
});

describe("verdictOf", () => {
  test("within every bucket: allowed, speaking of the one nearest its limit", () => {
    const verdict = verdictOf(
      [
        { key: "ip", limit: 10 },
        { key: "email", limit: 5 },
      ],
      [
        { count: 3, resetSeconds: 40 },
        { count: 4, resetSeconds: 40 },
      ],
      60,
    );
    assert.deepEqual(verdict, { allowed: true, limit: 5, remaining: 1, resetSeconds: 40, windowSeconds: 60 });
  });
  test("over any bucket: refused, with Retry-After", () => {
    const verdict = verdictOf([{ key: "ip", limit: 2 }], [{ count: 3, resetSeconds: 7 }], 60);
    assert.equal(verdict.allowed, false);
    assert.deepEqual(rateLimitHeaders(verdict), {
      "ratelimit-limit": "2",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "7",
      "ratelimit-policy": "2;w=60",
      "retry-after": "7",
    });
  });
  test("an allowed answer has no Retry-After", () => {
    const verdict = verdictOf([{ key: "ip", limit: 2 }], [{ count: 1, resetSeconds: 7 }], 60);
    assert.equal(rateLimitHeaders(verdict)["retry-after"], undefined);
  });
});

describe("signInBuckets", () => {
  test("per IP, and per email tried: normalized, storable", async () => {
    const { signInBuckets } = await import("./limits");
    const keys = signInBuckets("10.0.0.1", "  Someone@Example.TEST\0 ").map((bucket) => bucket.key);
    assert.deepEqual(keys, ["auth:ip:10.0.0.1", "auth:email:someone@example.test?"]);
    assert.deepEqual(
      signInBuckets("10.0.0.1").map((bucket) => bucket.key),
      ["auth:ip:10.0.0.1"],
    );
  });
});
