// Run: node --import tsx --test lib/http/rate-limit/sign-in-guard.test.ts
// The guard on the embedded store (rate-limiter-flexible's memory limiter), on a mocked clock.
// tests/http/rate-limit.test.ts proves the same through every surface, and on PostgreSQL.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, mock, test } from "node:test";

delete process.env.DATABASE_URL;
Object.assign(process.env, {
  RATE_LIMIT_SIGNIN_LOCK_AFTER: "3",
  RATE_LIMIT_SIGNIN_LOCK_MAX_SECONDS: "4",
  RATE_LIMIT_SIGNIN_IP_FAILURES: "10",
});
mock.timers.enable({ apis: ["Date", "setTimeout"], now: 1_000_000 });

type Guard = typeof import("./sign-in-guard");
let guard: Guard;
before(async () => {
  guard = await import("./sign-in-guard");
});

const from = (ip: string) => ({ headers: new Headers({ "x-forwarded-for": ip }) });
const newIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;
const PASSWORD = "right";
/** A sign-in against an account whose password is PASSWORD: "ok", "wrong", or the wait refused. */
async function signIn(email: string, password: string, ip = newIp()): Promise<"ok" | "wrong" | number> {
  try {
    const actor = await guard.limitPasswordAttempt(from(ip), email, async () =>
      password === PASSWORD ? { email } : null,
    );
    return actor ? "ok" : "wrong";
  } catch (error) {
    const verdict = (error as { verdict?: { resetSeconds: number } }).verdict;
    if (!verdict) throw error;
    return verdict.resetSeconds;
  }
}
const wait = (seconds: number) => mock.timers.tick(seconds * 1000);

describe("limitPasswordAttempt", () => {
  test("locks an account after 3 failures, 1 s doubling, capped; lets the owner in once it passes", async () => {
    const email = `owner-${randomUUID()}@example.test`;
    for (let i = 0; i < 3; i++) assert.equal(await signIn(email, "guess"), "wrong");
    assert.equal(await signIn(email, PASSWORD), 1, "locked for 1 s, even with the right password");
    wait(1);
    assert.equal(await signIn(email, "guess"), "wrong");
    assert.equal(await signIn(email, "guess"), 2, "the lock doubled");
    wait(2);
    assert.equal(await signIn(email, "guess"), "wrong");
    assert.equal(await signIn(email, "guess"), 4);
    wait(4);
    assert.equal(await signIn(email, "guess"), "wrong");
    assert.equal(await signIn(email, "guess"), 4, "capped at the maximum");
    wait(4);
    assert.equal(await signIn(email, PASSWORD), "ok");
    for (let i = 0; i < 3; i++)
      assert.equal(await signIn(email, "guess"), "wrong", "a success forgot the failures");
  });

  test("guesses sent at once past the threshold: one is checked, the rest refused", async () => {
    const email = `burst-${randomUUID()}@example.test`;
    for (let i = 0; i < 3; i++) await signIn(email, "guess");
    wait(1);
    const burst = await Promise.all(Array.from({ length: 5 }, () => signIn(email, "guess")));
    assert.equal(burst.filter((answer) => answer === "wrong").length, 1);
    assert.equal(burst.filter((answer) => typeof answer === "number").length, 4);
  });

  test("an unknown email locks like a known one", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    for (let i = 0; i < 3; i++) assert.equal(await signIn(email, "guess"), "wrong");
    assert.equal(await signIn(email, "guess"), 1);
  });

  test("an address failing across accounts is refused, right password or not; others are not", async () => {
    const ip = newIp();
    for (let i = 0; i < 10; i++)
      assert.equal(await signIn(`spray-${randomUUID()}@example.test`, "guess", ip), "wrong");
    const refused = await signIn(`spray-${randomUUID()}@example.test`, PASSWORD, ip);
    assert.ok(typeof refused === "number" && refused > 3000 && refused <= 3600, `refused for ${refused} s`);
    assert.equal(await signIn(`spray-${randomUUID()}@example.test`, PASSWORD), "ok");
  });

  test("successes never count: many sign-ins from one address", async () => {
    const ip = newIp();
    const email = `busy-${randomUUID()}@example.test`;
    for (let i = 0; i < 50; i++) assert.equal(await signIn(email, PASSWORD, ip), "ok");
  });

  test("a failed check of the password itself counts for nothing", async () => {
    const email = `flaky-${randomUUID()}@example.test`;
    const ip = newIp();
    for (let i = 0; i < 5; i++) {
      await assert.rejects(
        guard.limitPasswordAttempt(from(ip), email, () => Promise.reject(new Error("database down"))),
        /database down/,
      );
    }
    assert.equal(await signIn(email, "guess", ip), "wrong");
  });
});

describe("limitRefreshAttempt", () => {
  test("invalid refresh tokens count against the address; valid ones never", async () => {
    const { AppError } = await import("../../errors");
    const ip = newIp();
    const valid = () => guard.limitRefreshAttempt(from(ip), async () => "access");
    for (let i = 0; i < 30; i++) assert.equal(await valid(), "access");
    const invalid = () =>
      guard.limitRefreshAttempt(from(ip), () =>
        Promise.reject(new AppError("unauthenticated", "Token is invalid.")),
      );
    for (let i = 0; i < 10; i++) await assert.rejects(invalid(), { code: "unauthenticated" });
    await assert.rejects(valid(), { code: "too_many_requests" });
  });
});
