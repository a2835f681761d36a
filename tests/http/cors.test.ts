// CORS for /api/v1 (lib/http/cors.ts, proxy.ts): a server of its own with CORS_ORIGINS set.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningServer, startServer } from "../../scripts/test-server";

const ALLOWED = "https://app.allowed.example";
let server: RunningServer;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "estate-chat-cors-"));
  server = await startServer({
    DATA_DIR: dataDir,
    SEED_DEMO: "false",
    CORS_ORIGINS: `${ALLOWED}, http://localhost:5173`,
  });
});
after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const preflight = (origin: string, path = "/api/v1/chats") =>
  fetch(`${server.baseUrl}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type, idempotency-key",
    },
  });

describe("CORS on /api/v1", () => {
  it("a preflight from an allowed origin: 204 with methods, headers and max-age", async () => {
    for (const path of ["/api/v1/chats", "/api/v1/chats/12/messages", "/api/v1/no-such-endpoint"]) {
      const answer = await preflight(ALLOWED, path);
      assert.equal(answer.status, 204, path);
      assert.equal(answer.headers.get("access-control-allow-origin"), ALLOWED);
      assert.match(answer.headers.get("access-control-allow-methods") ?? "", /POST/);
      const allowed = answer.headers.get("access-control-allow-headers") ?? "";
      for (const name of ["Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"])
        assert.ok(allowed.includes(name), name);
      assert.ok(Number(answer.headers.get("access-control-max-age")) > 0);
      assert.equal(answer.headers.get("access-control-allow-credentials"), null, "bearer only");
    }
  });

  it("a disallowed origin gets no Access-Control-Allow-Origin, on the preflight or the answer", async () => {
    const answer = await preflight("https://evil.example");
    assert.equal(answer.headers.get("access-control-allow-origin"), null);
    const actual = await fetch(`${server.baseUrl}/api/v1/companies`, {
      headers: { origin: "https://evil.example" },
    });
    assert.equal(actual.status, 401);
    assert.equal(actual.headers.get("access-control-allow-origin"), null);
  });

  it("actual answers (errors included) allow the origin and expose the platform's headers", async () => {
    const actual = await fetch(`${server.baseUrl}/api/v1/companies`, { headers: { origin: ALLOWED } });
    assert.equal(actual.status, 401);
    assert.equal(actual.headers.get("access-control-allow-origin"), ALLOWED);
    assert.match(actual.headers.get("vary") ?? "", /Origin/);
    const exposed = actual.headers.get("access-control-expose-headers") ?? "";
    for (const name of [
      "RateLimit-Remaining",
      "Retry-After",
      "ETag",
      "Idempotent-Replayed",
      "X-Request-Id",
      "Location",
    ])
      assert.ok(exposed.includes(name), name);
  });
});
