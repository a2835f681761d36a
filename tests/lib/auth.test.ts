import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changePassword, registerUser, verifyCredentials } from "../../lib/accounts/users";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { revokeAuthSession } from "../../lib/auth/sessions";
import { authenticateAccessToken, issueTokenPair, refreshAccessToken } from "../../lib/auth/tokens";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { unique, withTestDatabase } from "../support/database";

withTestDatabase();

const newAccount = async () => {
  const email = `${unique("Person")}@Example.test`;
  const actor = await registerUser({
    email: email.toLowerCase(),
    name: "Person",
    password: "first password",
  });
  return { email, actor };
};

describe("passwords", () => {
  it("hashes with scrypt, salted, and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("secret one"), hashPassword("secret one")]);
    // The cost is PASSWORD_HASH_COST (the suite lowers it; lib/auth/password.test.ts checks the default).
    assert.match(a, new RegExp(`^scrypt\\$${2 ** env.PASSWORD_HASH_COST}\\$8\\$3\\$`));
    assert.notEqual(a, b);
    assert.equal(await verifyPassword("secret one", a), true);
    assert.equal(await verifyPassword("secret two", a), false);
    assert.equal(await verifyPassword("secret one", "not-a-hash"), false);
  });
});

describe("accounts", () => {
  it("emails are unique without regard to case, and sign-in ignores case", async () => {
    const { email } = await newAccount();
    await assert.rejects(
      registerUser({ email: email.toLowerCase(), name: "Copy", password: "another password" }),
      { code: "conflict" },
    );
    assert.ok(await verifyCredentials(email.toUpperCase(), "first password"));
    assert.equal(await verifyCredentials(email, "wrong password"), null);
    assert.equal(await verifyCredentials(`nobody-${email}`, "first password"), null);
    const stored = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    assert.notEqual(stored.passwordHash, "first password", "passwords are never stored in clear");
  });
});

describe("tokens", () => {
  it("an access token names its user; a refresh token makes new access tokens", async () => {
    const { actor } = await newAccount();
    const pair = await issueTokenPair(actor);
    assert.equal((await authenticateAccessToken(pair.access)).actor.userId, actor.userId);
    const access = await refreshAccessToken(pair.refresh);
    assert.equal((await authenticateAccessToken(access)).actor.userId, actor.userId);
    await assert.rejects(
      authenticateAccessToken(pair.refresh),
      { code: "unauthenticated" },
      "refresh is not access",
    );
    await assert.rejects(
      refreshAccessToken(pair.access),
      { code: "unauthenticated" },
      "access is not refresh",
    );
  });

  it("forged and tampered tokens are refused", async () => {
    const { actor } = await newAccount();
    const { access } = await issueTokenPair(actor);
    const [header, payload, signature] = access.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), user_id: 1 }),
    ).toString("base64url");
    await assert.rejects(authenticateAccessToken(`${header}.${forgedPayload}.${signature}`), {
      code: "unauthenticated",
    });
    await assert.rejects(authenticateAccessToken("garbage"), { code: "unauthenticated" });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.`;
    await assert.rejects(authenticateAccessToken(unsigned), { code: "unauthenticated" });
  });

  it("revoking the session stops both of its tokens at once", async () => {
    const { actor } = await newAccount();
    const pair = await issueTokenPair(actor);
    await revokeAuthSession(pair.sessionId);
    await assert.rejects(authenticateAccessToken(pair.access), { code: "unauthenticated" });
    await assert.rejects(refreshAccessToken(pair.refresh), { code: "unauthenticated" });
  });

  it("a password change revokes every other session and keeps the current one", async () => {
    const { actor } = await newAccount();
    const current = await issueTokenPair(actor);
    const other = await issueTokenPair(actor);
    await assert.rejects(
      changePassword(actor, {
        currentPassword: "wrong",
        newPassword: "second password",
        keepSessionId: current.sessionId,
      }),
      { code: "validation_failed" },
    );
    await changePassword(actor, {
      currentPassword: "first password",
      newPassword: "second password",
      keepSessionId: current.sessionId,
    });
    await assert.rejects(authenticateAccessToken(other.access), { code: "unauthenticated" });
    assert.equal((await authenticateAccessToken(current.access)).actor.userId, actor.userId);
    assert.equal(await verifyCredentials(actor.email, "first password"), null);
    assert.ok(await verifyCredentials(actor.email, "second password"));
  });
});
