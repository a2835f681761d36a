import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { generateWebhookSecret, signWebhook, webhookHeaders } from "./sign";

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

  it("signs any id, time and body (non-ASCII too) as the reference library does", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.string({ unit: "binary", maxLength: 200 }),
        (key, id, timestamp, body) => {
          const secret = `whsec_${Buffer.from(key).toString("base64")}`;
          const reference = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
          assert.equal(signWebhook(secret, id, timestamp, body), reference);
        },
      ),
    );
  });
});

describe("secrets and headers", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(secret.slice(6), "base64").length, 32);
  });

  it("sends the three Standard Webhooks headers, which the reference library verifies", () => {
    const secret = generateWebhookSecret();
    const at = new Date();
    const body = '{"type":"message.created","data":{"content":"héllo ✓"}}';
    const sent = webhookHeaders(secret, "msg_abc", body, at);
    assert.equal(sent["webhook-id"], "msg_abc");
    assert.equal(sent["webhook-timestamp"], String(Math.floor(at.getTime() / 1000)));
    assert.equal(sent["content-type"], "application/json");
    assert.deepEqual(new Webhook(secret).verify(body, sent), JSON.parse(body));
  });

  it("is refused by the reference library for a changed body or id, or another secret", () => {
    const secret = generateWebhookSecret();
    const body = '{"a":1}';
    const sent = webhookHeaders(secret, "msg_abc", body);
    const refused = { name: WebhookVerificationError.name, message: "No matching signature found" };
    assert.throws(() => new Webhook(secret).verify('{"a":2}', sent), refused);
    assert.throws(() => new Webhook(secret).verify(body, { ...sent, "webhook-id": "msg_abd" }), refused);
    assert.throws(() => new Webhook(generateWebhookSecret()).verify(body, sent), refused);
  });
});
