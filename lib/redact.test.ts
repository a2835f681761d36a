// Run: node --import tsx --test lib/redact.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { redactSecrets } from "./redact";

const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoxLCJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJlLXBhcnQtaGVyZQ";
const JWE = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..aXYtaGVyZQ.Y2lwaGVydGV4dA.dGFn";
const API_KEY = "esk_0123456789abcdef_abcdefghijABCDEFGHIJ0123456789abcdefghij-_x";
const WEBHOOK = "whsec_c2VjcmV0LXNpZ25pbmcta2V5LWJ5dGVzLWhlcmUhIQ==";

describe("redactSecrets", () => {
  test("tokens, keys and webhook secrets anywhere in the text", () => {
    const text = `failed for ${JWT} and ${JWE}; key ${API_KEY}; secret ${WEBHOOK}; Authorization: Bearer abc.def`;
    const redacted = redactSecrets(text);
    for (const secret of [JWT, JWE, API_KEY, WEBHOOK, "abc.def"])
      assert.ok(!redacted.includes(secret), secret);
    assert.match(redacted, /esk_0123456789abcdef_\[redacted\]/);
    assert.match(redacted, /^failed for \[redacted token\]/);
  });

  test("secret fields of JSON (also quoted inside a message) and of forms", () => {
    const cases = [
      `Unexpected token in JSON: {"email":"a@b.c","password":"hunter2 \\" quoted"}`,
      `{\\"current_password\\":\\"hunter2\\",\\"new_password\\":\\"hunter3\\"}`,
      `{ "refresh_token" : "hunter2" }`,
      "email=a%40b.c&password=hunter2&csrfToken=hunter3",
    ];
    for (const text of cases) {
      const redacted = redactSecrets(text);
      assert.ok(!/hunter[23]/.test(redacted), `${text} → ${redacted}`);
    }
    assert.equal(
      redactSecrets(`{"email":"a@b.c","password":"x"}`),
      `{"email":"a@b.c","password":"[redacted]"}`,
    );
  });

  test("ordinary text is left alone", () => {
    const text =
      "TypeError: Cannot read properties of undefined (reading 'id')\n    at handler (route.ts:12:3)";
    assert.equal(redactSecrets(text), text);
  });
});
