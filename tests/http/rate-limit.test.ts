// Rate limits (lib/http/rate-limit): servers of its own with tiny limits and a 2 s window.
// TRUST_PROXY=1 lets each test speak from its own X-Forwarded-For address, so tests never
// share a per-IP budget. On PostgreSQL, two instances on one database share the counts.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createPostgresDatabase, type ThrowAwayDatabase } from "../../scripts/postgres-database";
import { type RunningServer, startServer } from "../../scripts/test-server";

// Short, so the test can wait for a window to pass; not shorter, because a burst must land
// within one window even on a busy machine.
const WINDOW_SECONDS = 3;
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  RATE_LIMIT_API: "5",
  RATE_LIMIT_AUTH: "3",
  TRUST_PROXY: "1",
  SEED_DEMO: "false",
};
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

const tokenAttempt = (base: string, ip: string, email = `nobody-${randomUUID()}@example.test`) =>
  hit(base, "POST", "/api/v1/auth/token", { ip, body: { email, password: "not the password" } });

/**
 * Loads every route the tests use once (from throw-away addresses): a cold route can take
 * seconds to load, and a burst waiting on it could spill into the next window.
 */
async function warmUp(base: string): Promise<void> {
  await Promise.all([
    tokenAttempt(base, newIp()),
    hit(base, "GET", "/api/v1/me", { ip: newIp() }),
    hit(base, "GET", "/api/v1/companies", { ip: newIp() }),
    hit(base, "POST", "/api/v1/auth/register", { ip: newIp(), body: {} }),
    hit(base, "POST", "/auth/login/", { ip: newIp(), body: {} }),
    fetch(`${base}/api/auth/csrf`),
  ]);
}

/** Spends an address's sign-in budget fast: an empty body is refused (422) before any password check. */
const spendSignInBudget = (base: string, ip: string) =>
  Promise.all(Array.from({ length: 3 }, () => hit(base, "POST", "/api/v1/auth/token", { ip, body: {} })));

/** Waits for the start of the next window, so a burst falls within one window. */
async function nextWindow(): Promise<void> {
  const ms = WINDOW_SECONDS * 1000;
  await new Promise((resolve) => setTimeout(resolve, ms - (Date.now() % ms) + 30));
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
const statuses = (hits: Hit[]) => hits.map((h) => h.status).sort();

function assertRefused(answer: Hit, limit: number): void {
  assert.equal(answer.status, 429);
  const retryAfter = Number(answer.headers.get("retry-after"));
  assert.ok(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, `Retry-After ${retryAfter}`);
  assert.equal(answer.headers.get("ratelimit-limit"), String(limit));
  assert.equal(answer.headers.get("ratelimit-remaining"), "0");
  assert.equal(answer.headers.get("ratelimit-reset"), String(retryAfter));
  assert.equal(answer.headers.get("ratelimit-policy"), `${limit};w=${WINDOW_SECONDS}`);
}

describe("rate limits", () => {
  it("token endpoint: strictest, 429 with Retry-After and RateLimit-*, clear after the window", async () => {
    const ip = newIp();
    await nextWindow();
    const burst = await Promise.all(Array.from({ length: 4 }, () => tokenAttempt(server.baseUrl, ip)));
    assert.deepEqual(statuses(burst), [401, 401, 401, 429]);
    const refused = burst.find((h) => h.status === 429)!;
    assertRefused(refused, 3);
    assert.equal(refused.headers.get("content-type"), "application/problem+json");
    assert.equal(refused.body.type, "https://estate-chat.example/problems/too-many-requests");
    const allowed = burst.filter((h) => h.status === 401).map((h) => h.headers.get("ratelimit-remaining"));
    assert.deepEqual(allowed.sort(), ["0", "1", "2"]);
    await sleep(Number(refused.headers.get("retry-after")));
    const later = await tokenAttempt(server.baseUrl, ip);
    assert.equal(later.status, 401, "a new window, a new budget");
    assert.equal(later.headers.get("ratelimit-remaining"), "2");
  });

  it("sign-in is limited per email too, from however many addresses", async () => {
    const email = `target-${randomUUID()}@example.test`;
    await nextWindow();
    const burst = await Promise.all(
      Array.from({ length: 4 }, () => tokenAttempt(server.baseUrl, newIp(), email)),
    );
    assert.deepEqual(statuses(burst), [401, 401, 401, 429]);
  });

  it("the original's /auth/login/ shares the budget and answers as DRF throttled", async () => {
    const ip = newIp();
    await nextWindow();
    await spendSignInBudget(server.baseUrl, ip);
    const login = await hit(server.baseUrl, "POST", "/auth/login/", {
      ip,
      body: { email: "someone@example.test", password: "x" },
    });
    assertRefused(login, 3);
    assert.match(login.body.detail, /^Request was throttled\. Expected available in \d seconds?\.$/);
  });

  it("the browser sign-in form shares it too: Auth.js reports code=rate_limited", async () => {
    const ip = newIp();
    await nextWindow();
    await spendSignInBudget(server.baseUrl, ip);
    const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const signIn = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "x-forwarded-for": ip, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: "someone@example.test", password: "wrong password" }),
    });
    assert.match(signIn.headers.get("location") ?? "", /code=rate_limited/);
  });

  it("API calls are limited per user whatever the address, and per IP when anonymous", async () => {
    const setupIp = newIp();
    const email = `api-${randomUUID()}@example.test`;
    const password = "a long enough password";
    const registered = await hit(server.baseUrl, "POST", "/api/v1/auth/register", {
      ip: setupIp,
      body: { email, name: "Api", password },
    });
    assert.equal(registered.status, 201);
    const token = (
      await hit(server.baseUrl, "POST", "/api/v1/auth/token", { ip: setupIp, body: { email, password } })
    ).body.access_token as string;
    await nextWindow();
    const mine = await Promise.all(
      Array.from({ length: 6 }, () => hit(server.baseUrl, "GET", "/api/v1/me", { ip: newIp(), token })),
    );
    assert.deepEqual(statuses(mine), [200, 200, 200, 200, 200, 429]);
    assertRefused(mine.find((h) => h.status === 429)!, 5);
    const anonymousIp = newIp();
    await nextWindow();
    const anonymous = await Promise.all(
      Array.from({ length: 6 }, () => hit(server.baseUrl, "GET", "/api/v1/companies", { ip: anonymousIp })),
    );
    assert.deepEqual(statuses(anonymous), [401, 401, 401, 401, 401, 429]);
    const elsewhere = await hit(server.baseUrl, "GET", "/api/v1/companies", { ip: newIp() });
    assert.equal(elsewhere.status, 401, "another address has its own budget");
    assert.equal(elsewhere.headers.get("ratelimit-remaining"), "4");
  });
});

describe("rate limits on PostgreSQL", () => {
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

  it("two instances on one database share the count", async (t) => {
    if (skipReason) return t.skip(skipReason);
    const [a, b] = instances as [RunningServer, RunningServer];
    const ip = newIp();
    await nextWindow();
    const burst = await Promise.all([a, b, a, b].map((instance) => tokenAttempt(instance.baseUrl, ip)));
    assert.deepEqual(statuses(burst), [401, 401, 401, 429]);
    const refused = burst.find((h) => h.status === 429)!;
    assertRefused(refused, 3);
    await sleep(Number(refused.headers.get("retry-after")));
    assert.equal((await tokenAttempt(b.baseUrl, ip)).status, 401);
  });
});
