// Runs in a process of its own (node --test gives each file one), so the environment read here
// is this file's: PASSWORD_HASH_COST unset is the production default.
import assert from "node:assert/strict";
import { scryptSync } from "node:crypto";
import { test } from "node:test";

delete process.env.PASSWORD_HASH_COST;
const { hashPassword, verifyPassword } = await import("./password");

test("by default new passwords are hashed at OWASP's scrypt cost (N=2^15, r=8, p=3)", async () => {
  const hash = await hashPassword("correct horse battery staple");
  assert.match(hash, /^scrypt\$32768\$8\$3\$/);
  assert.equal(await verifyPassword("correct horse battery staple", hash), true);
  assert.equal(await verifyPassword("correct horse battery stapler", hash), false);
});

test("a hash made at another cost verifies by the parameters stored with it", async () => {
  const salt = Buffer.from("a sixteen-byte s");
  const key = scryptSync("old password", salt, 32, { N: 1024, r: 8, p: 3 });
  const stored = ["scrypt", 1024, 8, 3, salt.toString("base64"), key.toString("base64")].join("$");
  assert.equal(await verifyPassword("old password", stored), true);
  assert.equal(await verifyPassword("old passwore", stored), false);
});
