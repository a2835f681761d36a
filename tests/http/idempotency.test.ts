// Idempotency-Key on POSTs to /api/v1 (lib/http/idempotency.ts): replays, mismatches, in-flight
// duplicates, per-caller scope, and agreement with the send key of messages.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { type Answer, asAdmin, call, makeWorld, signUp } from "../support/http";

const withKey = (key: string, options: { token: string; body?: unknown }) => ({
  ...options,
  headers: { "idempotency-key": key },
});

describe("Idempotency-Key store", () => {
  it("a replay answers the original status and body, marked Idempotent-Replayed", async () => {
    const w = await makeWorld();
    const key = randomUUID();
    const start = () =>
      call("POST", "/api/v1/chats", withKey(key, { token: w.buyer.token, body: { company_id: w.companyA } }));
    const first = await start();
    const replay = await start();
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get("idempotent-replayed"), null);
    // Without the key the get-or-create would now answer 200; the replay repeats the 201.
    assert.equal(replay.status, 201, replay.text);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
    assert.equal(replay.text, first.text);
    assert.match(replay.headers.get("content-type") ?? "", /^application\/json/);
    assert.notEqual(replay.headers.get("x-request-id"), first.headers.get("x-request-id"));
  });

  it("the same key with another body or on another endpoint is 422 idempotency_mismatch", async () => {
    const w = await makeWorld();
    const key = randomUUID();
    const first = await call(
      "POST",
      "/api/v1/chats",
      withKey(key, { token: w.buyer.token, body: { company_id: w.companyA } }),
    );
    assert.equal(first.status, 201, first.text);
    const otherBody = await call(
      "POST",
      "/api/v1/chats",
      withKey(key, { token: w.buyer.token, body: { company_id: w.companyB } }),
    );
    assert.equal(otherBody.status, 422, otherBody.text);
    assert.match(otherBody.headers.get("content-type") ?? "", /^application\/problem\+json/);
    assert.equal(otherBody.body.type, "https://estate-chat.example/problems/idempotency-mismatch");
    const otherPath = await call(
      "POST",
      `/api/v1/chats/${first.body.id}/messages`,
      withKey(key, { token: w.buyer.token, body: { company_id: w.companyA } }),
    );
    assert.equal(otherPath.status, 422, otherPath.text);
    // The same JSON with its fields in another order and other spacing is the same request.
    const reordered = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      rawBody: ` { "company_id" : ${w.companyA} } `,
      headers: { "idempotency-key": key, "content-type": "application/json" },
    });
    assert.equal(reordered.headers.get("idempotent-replayed"), "true", reordered.text);
  });

  it("10 concurrent duplicates: one runs, the others get 409 or its replay; one row is created", async () => {
    const admin = await asAdmin();
    const key = randomUUID();
    const name = `Idem ${randomUUID().slice(0, 8)}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(
          "POST",
          "/api/v1/admin/companies",
          withKey(key, { token: admin, body: { name, description: "" } }),
        ),
      ),
    );
    const detail = answers.map((a) => `${a.status} ${a.text}`).join("\n");
    const original = answers.filter((a) => a.status === 201 && !a.headers.get("idempotent-replayed"));
    assert.equal(original.length, 1, detail);
    for (const answer of answers) {
      if (answer === original[0]) continue;
      if (answer.status === 409) {
        assert.equal(answer.headers.get("retry-after"), "1");
        assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/);
      } else {
        assert.equal(answer.status, 201, detail);
        assert.equal(answer.headers.get("idempotent-replayed"), "true");
        assert.equal(answer.text, original[0]?.text);
      }
    }
    const listed = await call("GET", `/api/v1/companies?q=${encodeURIComponent(name)}`, { token: admin });
    assert.equal(listed.body.data.length, 1, listed.text);
    // Once the first has finished, a retry is a replay.
    const later = await call(
      "POST",
      "/api/v1/admin/companies",
      withKey(key, { token: admin, body: { name, description: "" } }),
    );
    assert.equal(later.headers.get("idempotent-replayed"), "true");
    assert.equal(later.text, original[0]?.text);
  });

  it("keys are per caller: another user's same key is a request of its own", async () => {
    const w = await makeWorld();
    const key = randomUUID();
    const [mine, theirs] = await Promise.all(
      [w.buyer, w.otherBuyer].map((buyer) =>
        call("POST", "/api/v1/chats", withKey(key, { token: buyer.token, body: { company_id: w.companyA } })),
      ),
    );
    assert.equal(mine?.status, 201, mine?.text);
    assert.equal(theirs?.status, 201, theirs?.text);
    assert.equal(theirs?.headers.get("idempotent-replayed"), null);
    assert.notEqual(mine?.body.id, theirs?.body.id);
  });

  it("a failed request keeps nothing: the key is free for the corrected request", async () => {
    const w = await makeWorld();
    const key = randomUUID();
    const invalid = await call("POST", "/api/v1/chats", withKey(key, { token: w.buyer.token, body: {} }));
    assert.equal(invalid.status, 422, invalid.text);
    const fixed = await call(
      "POST",
      "/api/v1/chats",
      withKey(key, { token: w.buyer.token, body: { company_id: w.companyA } }),
    );
    assert.equal(fixed.status, 201, fixed.text);
    assert.equal(fixed.headers.get("idempotent-replayed"), null);
  });

  it("an unusable key is 422 and runs nothing", async () => {
    const user = await signUp("idem-bad-key");
    // (fetch itself refuses control characters in a header)
    for (const key of ["k".repeat(201), "with space"]) {
      const answer: Answer = await call("POST", "/api/v1/me/password", {
        token: user.token,
        body: { current_password: "a long enough password", new_password: "another long password" },
        headers: { "idempotency-key": key },
      });
      assert.equal(answer.status, 422, answer.text);
      assert.equal(answer.body.errors[0].field, "Idempotency-Key");
    }
    const token = await call("POST", "/api/v1/auth/token", {
      body: { email: user.email, password: "a long enough password" },
    });
    assert.equal(token.status, 200, "the password change did not run");
  });

  it("a body over 64 KiB with a key is 413, as without one", async () => {
    const user = await signUp("idem-large");
    const answer = await call("POST", "/api/v1/chats", {
      token: user.token,
      body: { company_id: 1, content: "x".repeat(70 * 1024) },
      headers: { "idempotency-key": randomUUID() },
    });
    assert.equal(answer.status, 413, answer.text);
    assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/);
  });

  it("message sends: the store and the send key agree on one message", async () => {
    const w = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA },
    });
    const path = `/api/v1/chats/${started.body.id}/messages`;
    const key = randomUUID();
    const first = await call(
      "POST",
      path,
      withKey(key, { token: w.buyer.token, body: { content: "Hello" } }),
    );
    const replay = await call(
      "POST",
      path,
      withKey(key, { token: w.buyer.token, body: { content: "Hello" } }),
    );
    // The body's client_message_id names the same key at the message layer (no header).
    const viaBody = await call("POST", path, {
      token: w.buyer.token,
      body: { content: "Hello", client_message_id: key },
    });
    assert.equal(first.status, 201, first.text);
    for (const answer of [replay, viaBody]) {
      assert.equal(answer.status, 201, answer.text);
      assert.equal(answer.headers.get("idempotent-replayed"), "true");
      assert.equal(answer.body.id, first.body.id);
    }
    const other = await call("POST", path, withKey(key, { token: w.buyer.token, body: { content: "Bye" } }));
    assert.equal(other.status, 422, other.text);
    const page = await call("GET", `${path}?limit=100`, { token: w.buyer.token });
    assert.deepEqual(
      page.body.data.map((m: { content: string }) => m.content),
      ["Hello"],
    );
  });
});
