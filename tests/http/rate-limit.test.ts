// Rate limits (lib/http/rate-limit): servers of their own with tight limits. Sign-in failures
// lock an account (after 3: 1 s, doubling) and an address (after 10 an hour); every sign-in
// call counts toward a per-IP flood ceiling; API calls count per caller. TRUST_PROXY=1 lets each
// test speak from addresses of its own (X-Forwarded-For), so tests never share a per-IP count.
// On PostgreSQL, two instances on one database share the counts.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createPostgresDatabase, type ThrowAwayDatabase } from "../../scripts/postgres-database";
import { type RunningServer, startServer } from "../../scripts/test-server";

// Long enough that a burst lands within one window even on a busy machine (a window starts at
// a key's first call), short enough to wait for.
const WINDOW_SECONDS = 5;
const LOCK_AFTER = 3;
const IP_FAILURES = 10;
const FLOOD_CEILING = 150;
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  RATE_LIMIT_API: "5",
  RATE_LIMIT_AUTH: String(FLOOD_CEILING),
  RATE_LIMIT_SIGNIN_LOCK_AFTER: String(LOCK_AFTER),
  RATE_LIMIT_SIGNIN_LOCK_MAX_SECONDS: "900",
  RATE_LIMIT_SIGNIN_IP_FAILURES: String(IP_FAILURES),
  TRUST_PROXY: "1",
  SEED_DEMO: "false",
};
const PASSWORD = "a long enough password";
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let server: RunningServer;
let dataDir: string;
before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-rate-limit-"));
  server = await startServer({ ...LIMITS, DATA_DIR: dataDir });
  await warmUp(server.baseUrl);
});
after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A client address of its own (through the trusted proxy header). */
const newIp = () => {
  const [a, b] = randomUUID()
    .split("-")
    .map((part) => Number.parseInt(part.slice(0, 2), 16));
  return `10.${a}.${b}.${Math.floor(Math.random() * 250) + 1}`;
};
const newEmail = (label: string) => `${label}-${randomUUID()}@example.test`;

type Hit = { status: number; headers: Headers; body: any };
async function hit(
  base: string,
  method: string,
  path: string,
  options: { ip: string; token?: string; body?: unknown },
): Promise<Hit> {
  const headers: Record<string, string> = { "x-forwarded-for": options.ip };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

const signIn = (base: string, email: string, password: string, ip = newIp()) =>
  hit(base, "POST", "/api/v1/auth/token", { ip, body: { email, password } });

async function register(base: string, email = newEmail("user")): Promise<string> {
  const answer = await hit(base, "POST", "/api/v1/auth/register", {
    ip: newIp(),
    body: { email, name: "Someone", password: PASSWORD },
  });
  assert.equal(answer.status, 201);
  return email;
}

/**
 * Loads every route the tests use once (from throw-away addresses): a cold route can take
 * seconds to load, and a burst waiting on it could spill into the next window.
 */
async function warmUp(base: string): Promise<void> {
  await Promise.all([
    signIn(base, newEmail("warm-up"), "not the password"),
    hit(base, "GET", "/api/v1/me", { ip: newIp() }),
    hit(base, "GET", "/api/v1/companies", { ip: newIp() }),
    hit(base, "POST", "/api/v1/auth/register", { ip: newIp(), body: {} }),
    hit(base, "POST", "/api/v1/auth/refresh", { ip: newIp(), body: {} }),
    hit(base, "POST", "/auth/login/", { ip: newIp(), body: {} }),
    hit(base, "POST", "/auth/login/refresh/", { ip: newIp(), body: {} }),
    fetch(`${base}/api/auth/csrf`),
  ]);
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
const statuses = (hits: Hit[]) => hits.map((h) => h.status).sort();

/** A 429 with Retry-After, and RateLimit-* fields that say the same. */
function assertRefused(answer: Hit, policy: { limit: number; window: number }): number {
  assert.equal(answer.status, 429, JSON.stringify(answer.body));
  const retryAfter = Number(answer.headers.get("retry-after"));
  assert.ok(retryAfter >= 1 && retryAfter <= policy.window, `Retry-After ${retryAfter}`);
  assert.equal(answer.headers.get("ratelimit-limit"), String(policy.limit));
  assert.equal(answer.headers.get("ratelimit-remaining"), "0");
  assert.equal(answer.headers.get("ratelimit-reset"), String(retryAfter));
  assert.equal(answer.headers.get("ratelimit-policy"), `${policy.limit};w=${policy.window}`);
  return retryAfter;
}
const ACCOUNT_LOCK = { limit: LOCK_AFTER, window: 86_400 };
const ADDRESS_LOCK = { limit: IP_FAILURES, window: 3_600 };

/** Signs `email` in and refreshes, on /api/v1 and on the original's paths: four calls from `ip`. */
async function honestRound(base: string, email: string, ip: string): Promise<Hit[]> {
  const token = await signIn(base, email, PASSWORD, ip);
  const refreshed = await hit(base, "POST", "/api/v1/auth/refresh", {
    ip,
    body: { refresh_token: token.body?.refresh_token },
  });
  const login = await hit(base, "POST", "/auth/login/", { ip, body: { email, password: PASSWORD } });
  const compatRefreshed = await hit(base, "POST", "/auth/login/refresh/", {
    ip,
    body: { refresh: login.body?.refresh },
  });
  return [token, refreshed, login, compatRefreshed];
}

describe("sign-in limits", () => {
  it("a guessed password locks the account: 429 after 3 failures, 1 s doubling; the owner gets in after", async () => {
    const email = await register(server.baseUrl);
    // From a new address each time: the lock is the account's, wherever guesses come from.
    for (let i = 0; i < LOCK_AFTER; i++) {
      assert.equal((await signIn(server.baseUrl, email, "guess")).status, 401);
    }
    const locked = await signIn(server.baseUrl, email, PASSWORD);
    assert.equal(assertRefused(locked, ACCOUNT_LOCK), 1, "even the right password waits");
    assert.equal(locked.headers.get("content-type"), "application/problem+json");
    assert.equal(locked.body.type, "https://estate-chat.example/problems/too-many-requests");
    assert.equal(locked.body.detail, "Request was throttled. Expected available in 1 second.");
    const growing: number[] = [];
    for (let i = 0; i < 2; i++) {
      await sleep(Number(locked.headers.get("retry-after")) * 2 ** i);
      assert.equal((await signIn(server.baseUrl, email, "guess")).status, 401);
      growing.push(assertRefused(await signIn(server.baseUrl, email, "guess"), ACCOUNT_LOCK));
    }
    assert.deepEqual(growing, [2, 4], "each further failure doubles the lock");
    await sleep(4);
    assert.equal((await signIn(server.baseUrl, email, PASSWORD)).status, 200);
    for (let i = 0; i < LOCK_AFTER; i++) {
      assert.equal((await signIn(server.baseUrl, email, "guess")).status, 401, "a success reset the count");
    }
  });

  it("an unknown email locks like a known one, and the lock holds on every surface", async () => {
    const email = newEmail("nobody");
    for (let i = 0; i < LOCK_AFTER; i++) {
      assert.equal((await signIn(server.baseUrl, email, "guess")).status, 401);
    }
    assertRefused(await signIn(server.baseUrl, email, "guess"), ACCOUNT_LOCK);
    const login = await hit(server.baseUrl, "POST", "/auth/login/", {
      ip: newIp(),
      body: { email: email.toUpperCase(), password: "guess" },
    });
    assertRefused(login, ACCOUNT_LOCK);
    assert.equal(login.body.detail, "Request was throttled. Expected available in 1 second.");
    const browser = await browserSignIn(server.baseUrl, newIp(), email, "guess");
    assert.match(browser, /code=rate_limited/);
  });

  it("spraying many accounts from one address locks the address, right password or not", async () => {
    const ip = newIp();
    const email = await register(server.baseUrl);
    const sprayed = await Promise.all(
      Array.from({ length: IP_FAILURES }, () => signIn(server.baseUrl, newEmail("sprayed"), "guess", ip)),
    );
    assert.deepEqual(statuses(sprayed), Array(IP_FAILURES).fill(401));
    const refused = await signIn(server.baseUrl, email, PASSWORD, ip);
    assertRefused(refused, ADDRESS_LOCK);
    assert.ok(Number(refused.headers.get("retry-after")) > 3_000, "until the hour is over");
    const compat = await hit(server.baseUrl, "POST", "/auth/login/", {
      ip,
      body: { email, password: PASSWORD },
    });
    assertRefused(compat, ADDRESS_LOCK);
    assert.match(compat.body.detail, /^Request was throttled\. Expected available in \d+ seconds\.$/);
    assert.equal(
      (await signIn(server.baseUrl, email, PASSWORD)).status,
      200,
      "another address is not locked",
    );
  });

  it("invalid refresh tokens count against the address; valid ones do not", async () => {
    const ip = newIp();
    const email = await register(server.baseUrl);
    const { refresh_token } = (await signIn(server.baseUrl, email, PASSWORD, ip)).body;
    for (let i = 0; i < 20; i++) {
      const refreshed = await hit(server.baseUrl, "POST", "/api/v1/auth/refresh", {
        ip,
        body: { refresh_token },
      });
      assert.equal(refreshed.status, 200);
    }
    const invalid = await Promise.all(
      Array.from({ length: IP_FAILURES }, (_, i) =>
        i % 2
          ? hit(server.baseUrl, "POST", "/api/v1/auth/refresh", { ip, body: { refresh_token: "forged" } })
          : hit(server.baseUrl, "POST", "/auth/login/refresh/", { ip, body: { refresh: "forged" } }),
      ),
    );
    assert.deepEqual(statuses(invalid), Array(IP_FAILURES).fill(401));
    const refused = await hit(server.baseUrl, "POST", "/api/v1/auth/refresh", {
      ip,
      body: { refresh_token },
    });
    assertRefused(refused, ADDRESS_LOCK);
  });

  it("an honest client with 30 users from one address is never refused", async () => {
    const emails = await Promise.all(Array.from({ length: 30 }, () => register(server.baseUrl)));
    const ip = newIp();
    // One of them mistypes first: a failure or two is no reason to refuse anyone.
    assert.equal((await signIn(server.baseUrl, emails[0]!, "a typo", ip)).status, 401);
    const answers = (await Promise.all(emails.map((email) => honestRound(server.baseUrl, email, ip)))).flat();
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(120).fill(200),
    );
    const remaining = answers.map((answer) => Number(answer.headers.get("ratelimit-remaining")));
    assert.ok(Math.min(...remaining) >= FLOOD_CEILING - 121, "only the flood ceiling counted them");
  });

  it("every sign-in call counts toward the address's flood ceiling: 429, then clear after the window", async () => {
    const ip = newIp();
    const flood = await Promise.all(
      Array.from({ length: FLOOD_CEILING + 1 }, () =>
        hit(server.baseUrl, "POST", "/api/v1/auth/token", { ip, body: {} }),
      ),
    );
    assert.deepEqual(statuses(flood), [...Array(FLOOD_CEILING).fill(422), 429]);
    const refused = flood.find((h) => h.status === 429)!;
    assertRefused(refused, { limit: FLOOD_CEILING, window: WINDOW_SECONDS });
    const compat = await hit(server.baseUrl, "POST", "/auth/register/", { ip, body: {} });
    assertRefused(compat, { limit: FLOOD_CEILING, window: WINDOW_SECONDS });
    assert.match(compat.body.detail, /^Request was throttled\. Expected available in \d seconds?\.$/);
    await sleep(Number(refused.headers.get("retry-after")));
    const later = await hit(server.baseUrl, "POST", "/api/v1/auth/token", { ip, body: {} });
    assert.equal(later.status, 422, "a new window, a new budget");
    assert.equal(later.headers.get("ratelimit-remaining"), String(FLOOD_CEILING - 1));
  });

  it("API calls are limited per user whatever the address, and per IP when anonymous", async () => {
    const email = await register(server.baseUrl);
    const token = (await signIn(server.baseUrl, email, PASSWORD)).body.access_token as string;
    const mine = await Promise.all(
      Array.from({ length: 6 }, () => hit(server.baseUrl, "GET", "/api/v1/me", { ip: newIp(), token })),
    );
    assert.deepEqual(statuses(mine), [200, 200, 200, 200, 200, 429]);
    assertRefused(mine.find((h) => h.status === 429)!, { limit: 5, window: WINDOW_SECONDS });
    const anonymousIp = newIp();
    const anonymous = await Promise.all(
      Array.from({ length: 6 }, () => hit(server.baseUrl, "GET", "/api/v1/companies", { ip: anonymousIp })),
    );
    assert.deepEqual(statuses(anonymous), [401, 401, 401, 401, 401, 429]);
    const elsewhere = await hit(server.baseUrl, "GET", "/api/v1/companies", { ip: newIp() });
    assert.equal(elsewhere.status, 401, "another address has its own budget");
    assert.equal(elsewhere.headers.get("ratelimit-remaining"), "4");
  });
});

/** The browser form's sign-in through Auth.js; answers where it redirects to. */
async function browserSignIn(base: string, ip: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "x-forwarded-for": ip, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  return signedIn.headers.get("location") ?? "";
}

describe("sign-in limits on PostgreSQL", () => {
  let database: ThrowAwayDatabase | undefined;
  let instances: RunningServer[] = [];
  let skipReason: string | undefined;

  before(async () => {
    const probe = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
    try {
      await probe.connect();
    } catch {
      if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL unreachable at ${postgresUrl}`);
      skipReason = `no PostgreSQL at ${postgresUrl}`;
      return;
    } finally {
      await probe.end().catch(() => {});
    }
    database = await createPostgresDatabase(postgresUrl, "ratelimit");
    const env = {
      ...LIMITS,
      DATABASE_URL: database.url,
      AUTH_SECRET: "rate-limit-test-secret-long-enough-for-hs256",
    };
    instances = [await startServer(env), await startServer(env)];
    await Promise.all(instances.map((instance) => warmUp(instance.baseUrl)));
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
  });

  it("two instances share an account's lock and an address's failures", async (t) => {
    if (skipReason) return t.skip(skipReason);
    const [a, b] = instances as [RunningServer, RunningServer];
    const email = await register(a.baseUrl);
    for (const instance of [a, b, a])
      assert.equal((await signIn(instance.baseUrl, email, "guess")).status, 401);
    const locked = await signIn(b.baseUrl, email, PASSWORD);
    assertRefused(locked, ACCOUNT_LOCK);
    await sleep(Number(locked.headers.get("retry-after")));
    assert.equal((await signIn(b.baseUrl, email, PASSWORD)).status, 200);

    const ip = newIp();
    const sprayed = await Promise.all(
      Array.from({ length: IP_FAILURES }, (_, i) =>
        signIn((i % 2 ? a : b).baseUrl, newEmail("sprayed"), "guess", ip),
      ),
    );
    assert.deepEqual(statuses(sprayed), Array(IP_FAILURES).fill(401));
    assertRefused(await signIn(a.baseUrl, email, PASSWORD, ip), ADDRESS_LOCK);
  });

  it("an honest client with 30 users through both instances is never refused", async (t) => {
    if (skipReason) return t.skip(skipReason);
    const [a, b] = instances as [RunningServer, RunningServer];
    const emails = await Promise.all(Array.from({ length: 30 }, () => register(a.baseUrl)));
    const ip = newIp();
    const answers = await Promise.all(
      emails.map((email, i) => honestRound((i % 2 ? a : b).baseUrl, email, ip)),
    );
    assert.deepEqual(
      answers.flat().map((answer) => answer.status),
      Array(120).fill(200),
    );
  });
});
