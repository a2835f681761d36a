// Run: node --import tsx --test lib/api-keys/token.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  displayPrefix,
  generateToken,
  hashSecret,
  looksLikeApiKey,
  parseToken,
  secretMatches,
} from "./token";

describe("API key tokens", () => {
  test("a generated token parses back to its kind, public id and secret", () => {
    for (const kind of ["company", "personal"] as const) {
      const generated = generateToken(kind);
      assert.match(generated.token, kind === "company" ? /^esk_/ : /^esp_/);
      assert.deepEqual(parseToken(generated.token), {
        kind,
        publicId: generated.publicId,
        secret: generated.secret,
      });
      assert.ok(generated.token.startsWith(displayPrefix(kind, generated.publicId)));
      assert.ok(looksLikeApiKey(generated.token));
    }
  });

  test("the stored hash is not the secret, and only the right secret matches it", () => {
    const { secret, secretHash } = generateToken("personal");
    assert.notEqual(secretHash, secret);
    assert.equal(secretHash, hashSecret(secret));
    assert.ok(secretMatches(secret, secretHash));
    assert.equal(secretMatches(`${secret.slice(0, -1)}x`, secretHash), false);
    assert.equal(secretMatches(secret, "not-hex"), false);
  });

  test("anything not shaped like a token is refused before the database is asked", () => {
    const { token } = generateToken("company");
    for (const bad of [
      "",
      "esk_",
      `${token}x`,
      token.replace("esk_", "esx_"),
      token.toUpperCase(),
      "eyJhbGciOi.x.y",
    ]) {
      assert.equal(parseToken(bad), null, bad);
    }
    assert.equal(looksLikeApiKey("eyJhbGciOiJIUzI1NiJ9.e30.sig"), false);
  });
});
