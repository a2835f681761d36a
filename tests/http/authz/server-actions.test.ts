// The server actions of the authorization table, invoked as a browser without JavaScript does:
// the form the page renders, its hidden fields, a multipart POST back to the page. Signing in
// and registering are public; signing out ends only the caller's own session.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { ACTION_TABLE } from "../../support/authz/site-table";
import { sessionCookieFor } from "../../support/browser-session";
import { baseUrl, call, PASSWORD, signUp, type TestUser, uniqueEmail } from "../../support/http";
import { builtServerActions } from "../../support/server-actions";

const decode = (value: string) =>
  value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** The answer; `location` is the path a redirect leads to. */
type Submitted = { status: number; location: string | null; sessionCookie: string | undefined; text: string };

/**
 * Submits the form of `action` with `fields` and `cookie`, as a browser without JavaScript
 * would: every hidden input of the form its page renders (to `viewer`), then the fields.
 */
async function submitAction(
  action: string,
  fields: Record<string, string>,
  options: { cookie?: string; viewer?: string } = {},
): Promise<Submitted> {
  const { cookie } = options;
  const viewer = "viewer" in options ? options.viewer : cookie;
  const id = builtServerActions().get(action);
  assert.ok(id, `${action} is not in the build`);
  const page = ACTION_TABLE[action]?.page ?? "/";
  const html = await (
    await fetch(new URL(page, baseUrl()), { headers: viewer ? { cookie: viewer } : {} })
  ).text();
  const form = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .find((f) => decode(f).includes(id));
  assert.ok(form, `${page} renders no form for ${action}`);
  const body = new FormData();
  for (const input of form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g))
    body.append(decode(input[1] as string), decode(input[2] ?? ""));
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const response = await fetch(new URL(page, baseUrl()), {
    method: "POST",
    redirect: "manual",
    // What a browser sends with a form: its own origin (Next refuses actions from other origins).
    headers: { origin: new URL(baseUrl()).origin, ...(cookie ? { cookie } : {}) },
    body,
  });
  const sessionCookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] as string)
    .find((pair) => /^(__Secure-)?authjs\.session-token=./.test(pair));
  const location = response.headers.get("location");
  return {
    status: response.status,
    location: location && new URL(location, baseUrl()).pathname,
    sessionCookie,
    text: await response.text(),
  };
}

const me = (cookie: string) => call("GET", "/api/v1/me", { headers: { cookie } });

describe("authz: every server action as anonymous and signed-in callers", () => {
  let buyer: TestUser;
  let buyerCookie: string;
  before(async () => {
    buyer = await signUp("action-buyer");
    buyerCookie = await sessionCookieFor(buyer.email, PASSWORD);
  });

  it("signInWithPassword (public): the right password signs anyone in, a wrong one nobody", async () => {
    const action = "app/login/actions.ts#signInWithPassword";
    const wrong = await submitAction(action, { email: buyer.email, password: "not the password" });
    assert.equal(wrong.sessionCookie, undefined, "no session for a wrong password");
    assert.match(wrong.text, /The email or password is not correct/);

    // Signed in already: a wrong password for someone else changes nothing about either.
    const whileSignedIn = await submitAction(
      action,
      { email: uniqueEmail("nobody"), password: "not the password" },
      { cookie: buyerCookie, viewer: undefined },
    );
    assert.equal(whileSignedIn.sessionCookie, undefined);
    assert.equal((await me(buyerCookie)).body.id, buyer.id, "the caller's own session is untouched");

    const right = await submitAction(action, {
      email: buyer.email,
      password: PASSWORD,
      callbackUrl: "/inbox",
    });
    assert.equal(right.status, 303, right.text.slice(0, 200));
    assert.equal(right.location, "/inbox");
    assert.ok(right.sessionCookie, "a session cookie");
    assert.equal((await me(right.sessionCookie)).body.id, buyer.id, "signed in as that person");
  });

  it("registerAccount (public): a new email gets an account and a session, a taken one nothing", async () => {
    const action = "app/register/actions.ts#registerAccount";
    const email = uniqueEmail("action-register");
    const made = await submitAction(action, { email, name: "Via the form", password: PASSWORD });
    assert.equal(made.status, 303, made.text.slice(0, 200));
    assert.ok(made.sessionCookie, "signed in after registering");
    assert.equal((await me(made.sessionCookie)).body.email, email);

    const taken = await submitAction(action, {
      email: buyer.email,
      name: "Impostor",
      password: "another password 123",
    });
    assert.equal(taken.sessionCookie, undefined);
    assert.match(taken.text, /already exists/);
    // The existing account still answers to its own password, and keeps its name.
    const own = await call("POST", "/api/v1/auth/token", {
      body: { email: buyer.email, password: PASSWORD },
    });
    assert.equal(own.status, 200);
    assert.equal(
      (await call("GET", "/api/v1/me", { token: own.body.access_token })).body.name,
      "action-buyer",
    );
  });

  it("signOutAction (session): ends the caller's own session only; without one it is harmless", async () => {
    const action = "components/nav/actions.ts#signOutAction";
    const [first, second] = await Promise.all([
      sessionCookieFor(buyer.email, PASSWORD),
      sessionCookieFor(buyer.email, PASSWORD),
    ]);
    const out = await submitAction(action, {}, { cookie: first });
    assert.equal(out.status, 303);
    assert.equal(out.location, "/");
    assert.equal((await me(first)).status, 401, "that session ended");
    assert.equal((await me(second)).status, 200, "the same person's other session lives on");
    assert.equal((await me(buyerCookie)).status, 200);

    // Anonymous: the form is only rendered to the signed-in, so post the one a signed-in page has.
    const anonymous = await submitAction(action, {}, { viewer: second });
    assert.equal(anonymous.status, 303);
    assert.equal((await me(second)).status, 200, "an anonymous sign-out ends nobody's session");
  });
});
