import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../auth/actor";
import { concerns, parseAccessChange, sameAccess } from "./stream-access";

const person: Actor = {
  userId: 7,
  email: "",
  name: "",
  isAdmin: false,
  companyIds: [1, 2],
  directCompany: null,
};
const companyKey: Actor = {
  ...person,
  userId: -3,
  companyIds: [1],
  apiKey: { id: 3, name: "crm", kind: "company" },
};

test("an access notification names the streams of a user, a session or a key", () => {
  const session = { kind: "session", sessionId: "s-1" } as const;
  const key = { kind: "api_key", keyId: 3 } as const;
  assert.equal(concerns({ userId: 7 }, person, session), true);
  assert.equal(concerns({ userId: 8 }, person, session), false);
  assert.equal(concerns({ sessionId: "s-1" }, person, session), true);
  assert.equal(concerns({ sessionId: "s-2" }, person, session), false);
  assert.equal(concerns({ apiKeyId: 3 }, companyKey, key), true);
  // A company key acts for no person: a user's change never names it.
  assert.equal(concerns({ userId: 3 }, companyKey, key), false);
});

test("a payload that is not the triggers' JSON is ignored", () => {
  assert.deepEqual(parseAccessChange('{"user_id": 4}'), {
    userId: 4,
    sessionId: undefined,
    apiKeyId: undefined,
  });
  assert.equal(parseAccessChange("not json"), null);
  assert.deepEqual(parseAccessChange('{"user_id": "4"}'), {
    userId: undefined,
    sessionId: undefined,
    apiKeyId: undefined,
  });
});

test("access is the same when admin rights and companies are", () => {
  assert.equal(sameAccess(person, { ...person, name: "Renamed" }), true);
  assert.equal(sameAccess(person, { ...person, companyIds: [1] }), false);
  assert.equal(sameAccess(person, { ...person, isAdmin: true }), false);
});
