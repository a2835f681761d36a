// The test server's AUTH_SECRET, so a test can sign tokens that are expired (or about to be) yet
// signed right: given by scripts/test.ts directly (PostgreSQL) or as the file the embedded
// server generated (PGlite).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

export function serverSecret(): string {
  if (process.env.TEST_AUTH_SECRET) return process.env.TEST_AUTH_SECRET;
  const file = process.env.TEST_AUTH_SECRET_FILE;
  assert.ok(file, "scripts/test.ts sets TEST_AUTH_SECRET or TEST_AUTH_SECRET_FILE");
  return readFileSync(file, "utf8").trim();
}
