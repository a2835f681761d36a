// Run: node --import tsx --test lib/http/client-ip.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  test("a direct connection: the one address Next.js wrote", () => {
    assert.equal(clientIpFrom("127.0.0.1", 0), "127.0.0.1");
    assert.equal(clientIpFrom("::ffff:10.0.0.7", 0), "10.0.0.7");
  });
  test("behind one proxy: the address it appended, not what the client claimed before it", () => {
    assert.equal(clientIpFrom("6.6.6.6, 203.0.113.9", 1), "203.0.113.9");
  });
  test("behind two proxies: the second entry from the right", () => {
    assert.equal(clientIpFrom("6.6.6.6, 203.0.113.9, 10.0.0.2", 2), "203.0.113.9");
  });
  test("fewer entries than trusted hops: the leftmost", () => {
    assert.equal(clientIpFrom("203.0.113.9", 3), "203.0.113.9");
  });
  test("no header: unknown", () => {
    assert.equal(clientIpFrom(null, 0), "unknown");
    assert.equal(clientIpFrom(" , ", 1), "unknown");
  });
  test("IPv6 is lower-cased and bounded", () => {
    assert.equal(clientIpFrom("2001:DB8::1", 0), "2001:db8::1");
    assert.equal(clientIpFrom("x".repeat(500), 0).length, 64);
  });
});
