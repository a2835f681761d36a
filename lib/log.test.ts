// Run: node --import tsx --test lib/log.test.ts
import assert from "node:assert/strict";
import { test } from "node:test";
import { capturingStdout } from "../tests/support/stdout";
import { logUnexpectedError } from "./log";

test("an unexpected error's line masks credentials its message and stack quote", () => {
  const password = "correct horse battery staple";
  const token = "eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOiJhYmMifQ.c2lnbmF0dXJl";
  const error = new SyntaxError(
    `Unexpected token in {"email":"a@b.c","password":"${password}"} for ${token}`,
  );
  const { lines: written } = capturingStdout(() => logUnexpectedError("req-1", error));
  assert.equal(written.length, 1);
  const line = JSON.parse(written[0] ?? "");
  assert.equal(line.level, "error");
  assert.equal(line.request_id, "req-1");
  assert.match(line.error, /^SyntaxError: Unexpected token/);
  assert.match(line.stack, /log\.test\.ts/);
  for (const secret of [password, token]) assert.ok(!written[0]?.includes(secret), secret);
});
