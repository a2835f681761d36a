// Accounts and tokens over the versioned API: registering, signing in, refreshing, revoking,
// changing the password, and what /me says about the companies a user represents.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import {
  type Answer,
  asAdmin,
  call,
  makeWorld,
  PASSWORD,
  signUp,
  tokenFor,
  uniqueEmail,
} from "../support/http";

type Pair = { access: string; refresh: string };

async function pairFor(email: string, password = PASSWORD): Promise<Pair> {
  const answer = await call("POST", "/api/v1/auth/token", { body: { email, password } });
  assert.equal(answer.status, 200, answer.text);
  return { access: answer.body.access_token, refresh: answer.body.refresh_token };
}

const me = (token: string) => call("GET", "/api/v1/me", { token });
const refresh = (refreshToken: string) =>
  call("POST", "/api/v1/auth/refresh", { body: { refresh_token: refreshToken } });

function assertUnauthorized(answer: Answer, what: string): void {
  assert.equal(answer.status, 401, `${what}: ${answer.text}`);
  assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/, what);
  assert.match(answer.headers.get("www-authenticate") ?? "", /^Bearer/i, what);
  assert.equal(answer.body.status, 401, what);
}

describe("v1 auth: register", () => {
  it("registers a buyer and answers their profile", async () => {
    const email = uniqueEmail("register");
    const answer = await call("POST", "/api/v1/auth/register", {
      body: { email, name: "  Reg Ister  ", password: PASSWORD },
    });
    assert.equal(answer.status, 201, answer.text);
    assert.equal(typeof answer.body.id, "number");
    assert.deepEqual(
      { ...answer.body, id: 0 },
      { id: 0, email, name: "Reg Ister", is_admin: false, company_id: null, represented_company_ids: [] },
    );
    assert.equal(
      JSON.stringify(answer.body).includes("password"),
      false,
      "no password or hash in the answer",
    );
  });

  it("a duplicate email is a 409 naming the field", async () => {
    const email = uniqueEmail("dup");
    const first = await call("POST", "/api/v1/auth/register", {
      body: { email, name: "One", password: PASSWORD },
    });
    assert.equal(first.status, 201, first.text);
    const second = await call("POST", "/api/v1/auth/register", {
      body: { email, name: "Two", password: "another password" },
    });
    assert.equal(second.status, 409, second.text);
    assert.match(second.headers.get("content-type") ?? "", /^application\/problem\+json/);
    assert.ok(second.body.errors?.some((issue: { field: string }) => issue.field === "email"));
    // The first account keeps its password.
    await tokenFor(email, PASSWORD);
  });

  it("emails are case-insensitive: FOO@x after foo@x is 409, and any case signs in", async () => {
    const local = `case-${randomUUID().slice(0, 8)}`;
    const lower = `${local}@example.test`;
    const upper = `${local.toUpperCase()}@EXAMPLE.TEST`;
    const first = await call("POST", "/api/v1/auth/register", {
      body: { email: lower, name: "Lower", password: PASSWORD },
    });
    assert.equal(first.status, 201, first.text);
    const again = await call("POST", "/api/v1/auth/register", {
      body: { email: upper, name: "Upper", password: PASSWORD },
    });
    assert.equal(again.status, 409, again.text);
    const padded = await call("POST", "/api/v1/auth/register", {
      body: { email: `  ${lower}  `, name: "Padded", password: PASSWORD },
    });
    assert.equal(padded.status, 409, padded.text);

    const token = await tokenFor(upper, PASSWORD);
    const profile = await me(token);
    assert.equal(profile.status, 200);
    assert.equal(profile.body.email, lower);
    assert.equal(profile.body.id, first.body.id);
    const mixed = `${local.charAt(0).toUpperCase()}${local.slice(1)}@Example.Test`;
    assert.equal((await me(await tokenFor(mixed, PASSWORD))).body.id, first.body.id);
  });

  it("an email registered in capitals is stored lower-case and found by either case", async () => {
    const local = `caps-${randomUUID().slice(0, 8)}`;
    const first = await call("POST", "/api/v1/auth/register", {
      body: { email: `${local.toUpperCase()}@X.EXAMPLE`, name: "Caps", password: PASSWORD },
    });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.email, `${local}@x.example`);
    const again = await call("POST", "/api/v1/auth/register", {
      body: { email: `${local}@x.example`, name: "Lower", password: PASSWORD },
    });
    assert.equal(again.status, 409);
    await tokenFor(`${local}@x.example`, PASSWORD);
  });

  it("refuses short passwords, bad emails and blank names with 422 naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ email: uniqueEmail("short"), name: "S", password: "1234567" }, "password"],
      [{ email: "not-an-email", name: "S", password: PASSWORD }, "email"],
      [{ email: uniqueEmail("blank"), name: "   ", password: PASSWORD }, "name"],
      [{ email: uniqueEmail("noname"), password: PASSWORD }, "name"],
    ];
    for (const [body, field] of cases) {
      const answer = await call("POST", "/api/v1/auth/register", { body });
      assert.equal(answer.status, 422, `${field}: ${answer.text}`);
      assert.ok(
        answer.body.errors?.some((issue: { field: string }) => issue.field === field),
        `${field}: ${answer.text}`,
      );
    }
  });
});

describe("v1 auth: token", () => {
  it("issues a bearer token pair for the right password", async () => {
    const user = await signUp("token-ok");
    const answer = await call("POST", "/api/v1/auth/token", {
      body: { email: user.email, password: PASSWORD },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.token_type, "Bearer");
    assert.ok(answer.body.expires_in > 0);
    assert.notEqual(answer.body.access_token, answer.body.refresh_token);
    assert.equal((await me(answer.body.access_token)).body.id, user.id);
  });

  it("a wrong password and an unknown email are the same 401", async () => {
    const user = await signUp("token-bad");
    const wrong = await call("POST", "/api/v1/auth/token", {
      body: { email: user.email, password: "wrong password!" },
    });
    const unknown = await call("POST", "/api/v1/auth/token", {
      body: { email: uniqueEmail("nobody"), password: PASSWORD },
    });
    assertUnauthorized(wrong, "wrong password");
    assertUnauthorized(unknown, "unknown email");
    assert.equal(wrong.body.detail, unknown.body.detail, "the answer does not tell which was wrong");
    assert.equal(wrong.body.title, unknown.body.title);
  });

  it("a refresh token is not an access token, and an access token is not a refresh token", async () => {
    const user = await signUp("token-types");
    const pair = await pairFor(user.email);
    assertUnauthorized(await me(pair.refresh), "refresh token used as access");
    assertUnauthorized(await refresh(pair.access), "access token used as refresh");
  });
});

describe("v1 auth: refresh and revoke", () => {
  it("refresh gives a working access token for the same user", async () => {
    const user = await signUp("refresh");
    const pair = await pairFor(user.email);
    const answer = await refresh(pair.refresh);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.token_type, "Bearer");
    assert.equal(typeof answer.body.access_token, "string");
    assert.equal(answer.body.refresh_token, pair.refresh);
    const profile = await me(answer.body.access_token);
    assert.equal(profile.status, 200);
    assert.equal(profile.body.id, user.id);
  });

  it("refresh refuses garbage and a missing token", async () => {
    assertUnauthorized(await refresh("garbage"), "garbage refresh token");
    const missing = await call("POST", "/api/v1/auth/refresh", { body: {} });
    assert.equal(missing.status, 422, missing.text);
  });

  it("revoke makes the calling session's access AND refresh tokens 401, and leaves other sessions alone", async () => {
    const user = await signUp("revoke");
    const doomed = await pairFor(user.email);
    const kept = await pairFor(user.email);
    const refreshed = await refresh(doomed.refresh);
    assert.equal(refreshed.status, 200);

    const revoked = await call("POST", "/api/v1/auth/revoke", { token: doomed.access });
    assert.equal(revoked.status, 204, revoked.text);
    assertUnauthorized(await me(doomed.access), "revoked access token");
    assertUnauthorized(await me(refreshed.body.access_token), "access token refreshed before the revoke");
    assertUnauthorized(await refresh(doomed.refresh), "revoked refresh token");
    assertUnauthorized(await call("POST", "/api/v1/auth/revoke", { token: doomed.access }), "revoking twice");

    assert.equal((await me(kept.access)).status, 200);
    assert.equal((await refresh(kept.refresh)).status, 200);
  });

  it("a revoked token can no longer send or read messages", async () => {
    const w = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, content: "hi" },
    });
    const pair = await pairFor(w.directRep.email);
    assert.equal(
      (await call("GET", `/api/v1/company/chats/${started.body.id}`, { token: pair.access })).status,
      200,
    );
    await call("POST", "/api/v1/auth/revoke", { token: pair.access });
    assertUnauthorized(
      await call("POST", `/api/v1/company/chats/${started.body.id}/messages`, {
        token: pair.access,
        body: { content: "late" },
      }),
      "send with revoked token",
    );
    assertUnauthorized(
      await call("GET", `/api/v1/company/chats/${started.body.id}/messages`, { token: pair.access }),
      "read with revoked token",
    );
    const messages = await call("GET", `/api/v1/chats/${started.body.id}/messages`, { token: w.buyer.token });
    assert.deepEqual(
      messages.body.data.map((m: { content: string }) => m.content),
      ["hi"],
    );
  });
});

describe("v1 auth: password change", () => {
  it("revokes every other token of the user but keeps the caller's", async () => {
    const user = await signUp("password");
    const caller = await pairFor(user.email);
    const other = await pairFor(user.email);
    const third = await pairFor(user.email);
    const newPassword = "a brand new long password";

    const changed = await call("POST", "/api/v1/me/password", {
      token: caller.access,
      body: { current_password: PASSWORD, new_password: newPassword },
    });
    assert.equal(changed.status, 204, changed.text);

    assert.equal((await me(caller.access)).status, 200, "the caller stays signed in");
    assert.equal((await refresh(caller.refresh)).status, 200, "the caller's refresh token still works");
    assertUnauthorized(await me(other.access), "other access token");
    assertUnauthorized(await refresh(other.refresh), "other refresh token");
    assertUnauthorized(await me(third.access), "third access token");
    assertUnauthorized(await me(user.token), "the sign-up token");

    const oldLogin = await call("POST", "/api/v1/auth/token", {
      body: { email: user.email, password: PASSWORD },
    });
    assertUnauthorized(oldLogin, "old password");
    assert.equal((await me(await tokenFor(user.email, newPassword))).body.id, user.id);
  });

  it("a wrong current password is a 422 that changes and revokes nothing", async () => {
    const user = await signUp("password-wrong");
    const other = await pairFor(user.email);
    const answer = await call("POST", "/api/v1/me/password", {
      token: user.token,
      body: { current_password: "not my password", new_password: "whatever long enough" },
    });
    assert.equal(answer.status, 422, answer.text);
    assert.ok(answer.body.errors?.some((issue: { field: string }) => issue.field === "current_password"));
    assert.equal((await me(other.access)).status, 200);
    await tokenFor(user.email, PASSWORD);
  });

  it("a too-short new password is a 422 naming new_password", async () => {
    const user = await signUp("password-short");
    const answer = await call("POST", "/api/v1/me/password", {
      token: user.token,
      body: { current_password: PASSWORD, new_password: "short" },
    });
    assert.equal(answer.status, 422, answer.text);
    assert.ok(answer.body.errors?.some((issue: { field: string }) => issue.field === "new_password"));
    await tokenFor(user.email, PASSWORD);
  });
});

describe("v1 auth: /me and represented companies", () => {
  it("shows represented_company_ids for the direct link and for a company_{id} group", async () => {
    const w = await makeWorld();
    const [buyer, direct, group, other, admin] = await Promise.all([
      me(w.buyer.token),
      me(w.directRep.token),
      me(w.groupRep.token),
      me(w.otherRep.token),
      me(await asAdmin()),
    ]);
    assert.deepEqual([buyer.body.company_id, buyer.body.represented_company_ids], [null, []]);
    assert.deepEqual(
      [direct.body.company_id, direct.body.represented_company_ids],
      [w.companyA, [w.companyA]],
    );
    assert.deepEqual([group.body.company_id, group.body.represented_company_ids], [null, [w.companyA]]);
    assert.deepEqual([other.body.company_id, other.body.represented_company_ids], [w.companyB, [w.companyB]]);
    assert.equal(admin.body.is_admin, true);
    assert.equal(buyer.body.is_admin, false);
  });

  it("both link kinds together, then each removed, take effect on the user's existing token", async () => {
    const w = await makeWorld();
    const linked = await call("PATCH", `/api/v1/admin/users/${w.groupRep.id}`, {
      token: w.admin,
      body: { company_id: w.companyB },
    });
    assert.equal(linked.status, 200, linked.text);
    assert.deepEqual(
      linked.body.represented_company_ids,
      [w.companyA, w.companyB].sort((a, b) => a - b),
    );
    const both = await me(w.groupRep.token);
    assert.equal(both.body.company_id, w.companyB);
    assert.deepEqual(
      both.body.represented_company_ids,
      [w.companyA, w.companyB].sort((a, b) => a - b),
    );

    // The same company by both ways is listed once.
    await call("PUT", `/api/v1/admin/groups/company_${w.companyA}/members/${w.directRep.id}`, {
      token: w.admin,
    });
    assert.deepEqual((await me(w.directRep.token)).body.represented_company_ids, [w.companyA]);

    const unlinked = await call("PATCH", `/api/v1/admin/users/${w.groupRep.id}`, {
      token: w.admin,
      body: { company_id: null },
    });
    assert.equal(unlinked.status, 200, unlinked.text);
    assert.deepEqual((await me(w.groupRep.token)).body.represented_company_ids, [w.companyA]);

    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, content: "hi" },
    });
    assert.equal(
      (await call("GET", `/api/v1/company/chats/${started.body.id}`, { token: w.groupRep.token })).status,
      200,
    );
    const removed = await call(
      "DELETE",
      `/api/v1/admin/groups/company_${w.companyA}/members/${w.groupRep.id}`,
      { token: w.admin },
    );
    assert.equal(removed.status, 204, removed.text);
    const after = await me(w.groupRep.token);
    assert.deepEqual([after.body.company_id, after.body.represented_company_ids], [null, []]);
    assert.equal(
      (await call("GET", `/api/v1/company/chats/${started.body.id}`, { token: w.groupRep.token })).status,
      404,
    );
    const counts = await call("GET", "/api/v1/unread-count", { token: w.groupRep.token });
    assert.deepEqual(counts.body.company, { total: 0, chats: 0 });
  });

  it("a group whose name only looks like company_{id} grants nothing", async () => {
    const w = await makeWorld();
    const names = [
      `company_${w.companyA}x`,
      `xcompany_${w.companyA}`,
      `company-${w.companyA}`,
      `Company_${w.companyA}`,
      `company_0${w.companyA}`,
    ];
    for (const name of names) {
      const added = await call(
        "PUT",
        `/api/v1/admin/groups/${encodeURIComponent(name)}/members/${w.buyer.id}`,
        { token: w.admin },
      );
      assert.ok(added.status === 201 || added.status === 204, `${name}: ${added.text}`);
    }
    assert.deepEqual((await me(w.buyer.token)).body.represented_company_ids, []);
  });

  it("a company_{id} group whose id is out of range grants nothing and breaks nothing", async () => {
    const w = await makeWorld();
    const added = await call("PUT", `/api/v1/admin/groups/company_99999999999/members/${w.groupRep.id}`, {
      token: w.admin,
    });
    assert.ok(added.status === 201 || added.status === 204, added.text);
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, content: "hi" },
    });
    const paths = [
      "/api/v1/me",
      "/api/v1/unread-count",
      "/api/v1/company/chats",
      `/api/v1/company/chats/${started.body.id}`,
    ];
    const statuses: Record<string, number> = {};
    for (const path of paths) statuses[path] = (await call("GET", path, { token: w.groupRep.token })).status;
    assert.deepEqual(statuses, Object.fromEntries(paths.map((path) => [path, 200])));
    assert.deepEqual((await me(w.groupRep.token)).body.represented_company_ids, [w.companyA]);
  });
});
