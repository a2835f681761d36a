// Run: node --import tsx --test lib/http/etag.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { etagOf, ifNoneMatchMatches, withEtag } from "./etag";

const get = (headers: Record<string, string> = {}) => new Request("http://x/api/v1/chats", { headers });

describe("ETag", () => {
  test("same body, same tag; other body, other tag", () => {
    assert.equal(etagOf('{"a":1}'), etagOf('{"a":1}'));
    assert.notEqual(etagOf('{"a":1}'), etagOf('{"a":2}'));
    assert.match(etagOf("x"), /^W\/"[\w-]{32}"$/);
  });
  test("If-None-Match: lists, weak or strong spelling, and *", () => {
    const tag = etagOf("x");
    assert.ok(ifNoneMatchMatches(tag, tag));
    assert.ok(ifNoneMatchMatches(`"other", ${tag.slice(2)}`, tag));
    assert.ok(ifNoneMatchMatches("*", tag));
    assert.ok(!ifNoneMatchMatches('"other"', tag));
    assert.ok(!ifNoneMatchMatches(null, tag));
  });
  test("a JSON 200 gets the tag and revalidation caching", async () => {
    const response = await withEtag(get(), Response.json({ a: 1 }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("etag"), etagOf('{"a":1}'));
    assert.equal(response.headers.get("cache-control"), "private, no-cache");
    assert.deepEqual(await response.json(), { a: 1 });
  });
  test("a matching If-None-Match is a 304 without a body", async () => {
    const response = await withEtag(get({ "if-none-match": etagOf('{"a":1}') }), Response.json({ a: 1 }));
    assert.equal(response.status, 304);
    assert.equal(response.headers.get("etag"), etagOf('{"a":1}'));
    assert.equal(await response.text(), "");
  });
  test("streams, errors, other methods and non-JSON pass untouched", async () => {
    const stream = new Response("data: x\n\n", { headers: { "content-type": "text/event-stream" } });
    assert.equal(await withEtag(get(), stream), stream);
    const problem = Response.json({}, { status: 404 });
    assert.equal(await withEtag(get(), problem), problem);
    const post = new Request("http://x/", { method: "POST" });
    const created = Response.json({}, { status: 200 });
    assert.equal(await withEtag(post, created), created);
  });
});
