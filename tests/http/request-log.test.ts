// The request log (lib/log.ts): a server of its own with LOG_REQUESTS on and its stdout
// captured, so the test can read the lines it writes.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../../scripts/test-server";

let server: RunningServer;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-request-log-"));
  server = await startServer(
    { DATA_DIR: dataDir, SEED_DEMO: "false", LOG_REQUESTS: "true" },
    { captureStdout: true },
  );
});
after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function send(method: string, pathAndQuery: string, requestId: string, init: RequestInit = {}) {
  const response = await fetch(`${server.baseUrl}${pathAndQuery}`, {
    ...init,
    method,
    headers: { "x-request-id": requestId, "content-type": "application/json", ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** The JSON lines carrying this request id, once the server's output has caught up. */
async function linesFor(requestId: string): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const lines = server
      .stdout()
      .split("\n")
      .filter((line) => line.includes(requestId))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    if (lines.length > 0 || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("request log", () => {
  const email = `logged-${randomUUID().slice(0, 8)}@example.test`;
  const password = `secret-${randomUUID()}`;
  let token = "";
  let userId = 0;

  before(async () => {
    const registered = await send("POST", "/api/v1/auth/register", `reg-${randomUUID()}`, {
      body: JSON.stringify({ email, name: "Logged", password }),
    });
    assert.equal(registered.status, 201);
    userId = registered.body.id;
  });

  it("one line per request, with status, method and path; never the password", async () => {
    const requestId = `log-token-${randomUUID()}`;
    const answer = await send("POST", "/api/v1/auth/token", requestId, {
      body: JSON.stringify({ email, password }),
    });
    assert.equal(answer.status, 200);
    token = answer.body.access_token;
    const lines = await linesFor(requestId);
    assert.equal(lines.length, 1, JSON.stringify(lines));
    const [line] = lines;
    assert.equal(line?.level, "info");
    assert.equal(line?.method, "POST");
    assert.equal(line?.path, "/api/v1/auth/token");
    assert.equal(line?.status, 200);
    assert.equal(typeof line?.duration_ms, "number");
    assert.ok(!Number.isNaN(Date.parse(String(line?.time))));
    assert.ok(!server.stdout().includes(password), "the password is in the output");
  });

  it("names the caller it already knew, keeps the query out and the bearer token too", async () => {
    const requestId = `log-me-${randomUUID()}`;
    const answer = await send("GET", "/api/v1/me?q=private-search-term", requestId, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(answer.status, 200);
    const [line] = await linesFor(requestId);
    assert.equal(line?.path, "/api/v1/me");
    assert.equal(line?.caller, `user:${userId}`);
    const output = server.stdout();
    assert.ok(!output.includes("private-search-term"), "the query string is in the output");
    assert.ok(!output.includes(token), "the bearer token is in the output");
  });

  it("a bad request is logged with its 4xx status, and no error line", async () => {
    const requestId = `log-bad-${randomUUID()}`;
    const answer = await send("POST", "/api/v1/auth/register", requestId, { body: "{not json" });
    assert.ok(answer.status >= 400 && answer.status < 500, String(answer.status));
    const lines = await linesFor(requestId);
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.equal(lines[0]?.status, answer.status);
    assert.equal(lines[0]?.level, "info");
    assert.equal(lines[0]?.caller, null);
    // The problem+json answer names the same id, so a user's report leads to the line.
    assert.equal(answer.body?.request_id, requestId);
  });

  it("a request without an id gets one, named in both the answer and the line", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/me`);
    assert.equal(response.status, 401);
    const body = (await response.json()) as { request_id?: string };
    assert.match(String(body.request_id), /^[\w.-]{1,64}$/);
    const lines = await linesFor(String(body.request_id));
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.equal(lines[0]?.status, 401);
  });

  it("the background parts log in the same JSON line format", async () => {
    // The webhook worker announces itself at start: one JSON line, level and time first.
    const line = server
      .stdout()
      .split("\n")
      .find((text) => text.includes("webhook worker started"));
    assert.ok(line, "no line from the webhook worker");
    const parsed = JSON.parse(line) as Record<string, unknown>;
    assert.equal(parsed.level, "info");
    assert.equal(parsed.msg, "webhook worker started");
    assert.ok(!Number.isNaN(Date.parse(String(parsed.time))));
  });

  it("the compatibility API is logged too", async () => {
    const requestId = `log-compat-${randomUUID()}`;
    const answer = await send("GET", "/chats/", requestId);
    const [line] = await linesFor(requestId);
    assert.equal(line?.path, "/chats/");
    assert.equal(line?.status, answer.status);
  });
});
