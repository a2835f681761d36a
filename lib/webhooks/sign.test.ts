import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from "./sign";

// The vector of the Standard Webhooks reference library's own test ("sign function works").
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("signWebhook", () => {
  it("matches the Standard Webhooks reference vector, with or without the whsec_ prefix", () => {
    assert.equal(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body), VECTOR.signature);
    assert.equal(
      signWebhook(VECTOR.secret.slice("whsec_".length), VECTOR.id, VECTOR.timestamp, VECTOR.body),
      VECTOR.signature,
    );
  });
});

describe("verifyWebhook", () => {
  const now = new Date(VECTOR.timestamp * 1000 + 10_000);
  const headers = { id: VECTOR.id, timestamp: String(VECTOR.timestamp), signature: VECTOR.signature };

  it("accepts the vector, also among other signatures", () => {
    assert.equal(verifyWebhook(VECTOR.secret, headers, VECTOR.body, { now }), true);
    const several = { ...headers, signature: `v1,bm90IGl0 ${VECTOR.signature} v2,abc` };
    assert.equal(verifyWebhook(VECTOR.secret, several, VECTOR.body, { now }), true);
  });

  it("refuses a changed body, id, secret or timestamp, and an old timestamp", () => {
    assert.equal(verifyWebhook(VECTOR.secret, headers, `${VECTOR.body} `, { now }), false);
    assert.equal(verifyWebhook(VECTOR.secret, { ...headers, id: "msg_other" }, VECTOR.body, { now }), false);
    assert.equal(verifyWebhook(generateWebhookSecret(), headers, VECTOR.body, { now }), false);
    const shifted = { ...headers, timestamp: String(VECTOR.timestamp + 1) };
    assert.equal(verifyWebhook(VECTOR.secret, shifted, VECTOR.body, { now }), false);
    const late = new Date(VECTOR.timestamp * 1000 + 301_000);
    assert.equal(verifyWebhook(VECTOR.secret, headers, VECTOR.body, { now: late }), false);
    assert.equal(
      verifyWebhook(VECTOR.secret, { ...headers, timestamp: "soon" }, VECTOR.body, { now }),
      false,
    );
  });
});

describe("secrets and headers", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(secret.slice(6), "base64").length, 32);
  });

  it("sends the three Standard Webhooks headers, which verify", () => {
    const secret = generateWebhookSecret();
    const at = new Date("2026-01-02T03:04:05.678Z");
    const sent = webhookHeaders(secret, "msg_abc", '{"a":1}', at);
    assert.equal(sent["webhook-timestamp"], String(Math.floor(at.getTime() / 1000)));
    assert.equal(sent["content-type"], "application/json");
    const ok = verifyWebhook(
      secret,
      {
        id: "msg_abc",
        timestamp: sent["webhook-timestamp"] ?? "",
        signature: sent["webhook-signature"] ?? "",
      },
      '{"a":1}',
      { now: at },
    );
    assert.equal(ok, true);
  });
});
