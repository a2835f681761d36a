import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decryptWebhookSecret, encryptWebhookSecret, secretHint } from "./secret-box";

const AUTH = "an-auth-secret-of-at-least-32-characters!";

describe("webhook secrets at rest", () => {
  it("round-trips, with a fresh IV each time", () => {
    const plain = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const one = encryptWebhookSecret(plain, AUTH);
    const two = encryptWebhookSecret(plain, AUTH);
    assert.notEqual(one, two);
    assert.equal(one.includes(plain.slice(6)), false);
    assert.equal(decryptWebhookSecret(one, AUTH), plain);
    assert.equal(decryptWebhookSecret(two, AUTH), plain);
  });

  it("refuses another key and a tampered box", () => {
    const sealed = encryptWebhookSecret("whsec_abc", AUTH);
    assert.throws(() => decryptWebhookSecret(sealed, `${AUTH}x`));
    const parts = sealed.split(".");
    parts[3] = Buffer.from("whsec_abd").toString("base64url");
    assert.throws(() => decryptWebhookSecret(parts.join("."), AUTH));
    assert.throws(() => decryptWebhookSecret("garbage", AUTH));
  });

  it("hints at a secret without revealing it", () => {
    assert.equal(secretHint("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "whsec_MfKQ…LaSw");
  });
});
