// Conditional GETs on /api/v1 (lib/http/etag.ts): ETag on lists and single resources,
// If-None-Match → 304 without a body, and a new ETag once the resource changed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, makeWorld } from "../support/http";

async function roundTrip(path: string, token: string): Promise<string> {
  const first = await call("GET", path, { token });
  assert.equal(first.status, 200, first.text);
  const etag = first.headers.get("etag");
  assert.match(etag ?? "", /^W\/"[\w-]+"$/);
  assert.equal(first.headers.get("cache-control"), "private, no-cache");
  const again = await call("GET", path, { token, headers: { "if-none-match": etag ?? "" } });
  assert.equal(again.status, 304, again.text);
  assert.equal(again.text, "");
  assert.equal(again.headers.get("etag"), etag);
  return etag ?? "";
}

describe("ETag and If-None-Match", () => {
  it("a list and a single resource: ETag, 304 on a match, a new ETag after a change", async () => {
    const w = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA },
    });
    const chatPath = `/api/v1/chats/${started.body.id}`;
    const listTag = await roundTrip("/api/v1/chats", w.buyer.token);
    const chatTag = await roundTrip(chatPath, w.buyer.token);
    const messagesTag = await roundTrip(`${chatPath}/messages`, w.buyer.token);

    const sent = await call("POST", `${chatPath}/messages`, {
      token: w.buyer.token,
      body: { content: "New" },
    });
    assert.equal(sent.status, 201, sent.text);
    for (const [path, old] of [
      ["/api/v1/chats", listTag],
      [chatPath, chatTag],
      [`${chatPath}/messages`, messagesTag],
    ] as const) {
      const changed = await call("GET", path, { token: w.buyer.token, headers: { "if-none-match": old } });
      assert.equal(changed.status, 200, `${path}: ${changed.text}`);
      assert.notEqual(changed.headers.get("etag"), old);
      assert.ok(changed.body, "a full body");
    }
  });

  it("the same content for another caller may share a tag, but never another's body", async () => {
    const w = await makeWorld();
    const tag = await roundTrip("/api/v1/chats", w.buyer.token);
    await call("POST", "/api/v1/chats", { token: w.otherBuyer.token, body: { company_id: w.companyB } });
    const theirs = await call("GET", "/api/v1/chats", {
      token: w.otherBuyer.token,
      headers: { "if-none-match": tag },
    });
    assert.equal(theirs.status, 200, "their list differs, so the tag does not match");
  });

  it("errors, writes and the event stream carry no ETag", async () => {
    const w = await makeWorld();
    const missing = await call("GET", "/api/v1/chats/999999999", { token: w.buyer.token });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("etag"), null);
    assert.equal(missing.headers.get("cache-control"), "no-store");
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA },
    });
    assert.equal(started.headers.get("etag"), null);
    const stream = await call("GET", "/api/v1/events", { token: w.buyer.token, headersOnly: true });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get("etag"), null);
    assert.equal(stream.headers.get("cache-control"), "no-cache, no-transform");
  });
});
