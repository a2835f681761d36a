// Run: node --import tsx --test lib/compat/errors.test.ts
import assert from "node:assert/strict";
import { test } from "node:test";
import { drfErrorResponse } from "./errors";

test("an unexpected error is DRF's 500, with our request id and without its detail", async () => {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write; // its log line: lib/http/errors.test.ts
  let response: Response;
  try {
    response = drfErrorResponse(new TypeError("reading 'secret-detail'"), "req-9");
  } finally {
    process.stdout.write = write;
  }
  assert.equal(response.status, 500);
  assert.deepEqual(await response.json(), { detail: "A server error occurred.", request_id: "req-9" });
});
