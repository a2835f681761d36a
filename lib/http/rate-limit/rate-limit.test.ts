// Run: node --import tsx --test lib/http/rate-limit/rate-limit.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { accountKey, lockSeconds } from "./sign-in-policy";
import { RateLimited, rateLimitHeaders, verdictOf } from "./verdict";

describe("verdictOf", () => {
  test("within the limit: allowed, with what remains and when the window ends", () => {
    assert.deepEqual(verdictOf(5, 60, { consumedPoints: 4, msBeforeNext: 39_200 }), {
      allowed: true,
      limit: 5,
      remaining: 1,
      resetSeconds: 40,
      windowSeconds: 60,
    });
  });
  test("over it: refused, with Retry-After; never told to retry in 0 seconds", () => {
    const verdict = verdictOf(2, 60, { consumedPoints: 3, msBeforeNext: 6_001 });
    assert.equal(verdict.allowed, false);
    assert.deepEqual(rateLimitHeaders(verdict), {
      "ratelimit-limit": "2",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "7",
      "ratelimit-policy": "2;w=60",
      "retry-after": "7",
    });
    assert.equal(verdictOf(2, 60, { consumedPoints: 3, msBeforeNext: 0 }).resetSeconds, 1);
  });
  test("an allowed answer has no Retry-After", () => {
    const verdict = verdictOf(2, 60, { consumedPoints: 1, msBeforeNext: 7_000 });
    assert.equal(rateLimitHeaders(verdict)["retry-after"], undefined);
  });
  test("a refusal speaks DRF's throttling text", () => {
    const refusal = (seconds: number) =>
      new RateLimited({ allowed: false, limit: 5, remaining: 0, resetSeconds: seconds, windowSeconds: 60 });
    assert.equal(refusal(1).message, "Request was throttled. Expected available in 1 second.");
    assert.equal(refusal(42).message, "Request was throttled. Expected available in 42 seconds.");
    assert.equal(refusal(1).code, "too_many_requests");
  });
});

describe("lockSeconds", () => {
  const policy = { lockAfter: 5, maxSeconds: 900 };
  test("no lock before the fifth failure, then 1 s doubling per failure", () => {
    const locks = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => lockSeconds(failures, policy));
    assert.deepEqual(locks, [0, 0, 0, 0, 1, 2, 4, 8]);
  });
  test("capped, however many failures", () => {
    assert.equal(lockSeconds(14, policy), 512);
    assert.equal(lockSeconds(15, policy), 900);
    assert.equal(lockSeconds(10_000, policy), 900);
  });
  test("lockAfter 0 switches the lock off", () => {
    assert.equal(lockSeconds(1_000, { lockAfter: 0, maxSeconds: 900 }), 0);
  });
});

describe("accountKey", () => {
  test("one key per account however the email is typed; bounded and storable", () => {
    assert.equal(accountKey("  Someone@Example.TEST "), accountKey("someone@example.test"));
    assert.notEqual(accountKey("someone@example.test"), accountKey("someone-else@example.test"));
    const odd = accountKey(`${"x".repeat(5_000)}\0@example.test`);
    assert.match(odd, /^[\w-]{43}$/);
  });
});
