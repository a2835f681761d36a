// One lead sent at the same moment by several callers with one Idempotency-Key (a portal's
// workers each holding a key of the company, retrying together): one message, and every answer
// a success. The key store is per caller, so here it is the lead itself that must hold the line.
// On PostgreSQL the racing transactions all miss the earlier message, then all but one hit the
// unique index on (chat, sender type, client message id), which lib/leads/create-lead.ts does
// not catch: a 500. (PGlite runs one statement at a time, so the race needs PostgreSQL.)
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, makeWorld } from "../support/http";
import { aLead, companyKeyOf, uid } from "../support/listing-fixtures";

const CALLERS = 6;
const ROUNDS = 5;

describe("leads: concurrent retries of one lead", () => {
  it("the same lead from several callers at once with one Idempotency-Key is one message, never a 500", async () => {
    const w = await makeWorld();
    // An existing chat: nothing else makes the racing transactions wait for one another.
    const started = await call("POST", "/api/v1/chats", {
      token: w.buyer.token,
      body: { company_id: w.companyA, content: "Hello" },
    });
    assert.equal(started.status, 201, started.text);
    const keys = await Promise.all(Array.from({ length: CALLERS }, () => companyKeyOf(w, ["leads:write"])));

    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const lead = aLead({ email: w.buyer.email });
      const headers = { "idempotency-key": `race-${uid()}` };
      const answers = await Promise.all(
        keys.map((key) => call("POST", "/api/v1/company/leads", { token: key, body: lead, headers })),
      );
      rounds.push({
        statuses: answers.map((answer) => answer.status),
        messageIds: new Set(answers.map((answer) => answer.body?.message_id)),
      });
    }
    assert.deepEqual(
      rounds.map((round) => round.statuses.filter((status) => status !== 200 && status !== 201)),
      rounds.map(() => []),
      "every caller's answer is a success",
    );
    assert.deepEqual(
      rounds.map((round) => round.messageIds.size),
      rounds.map(() => 1),
      "every caller of a round gets the one message",
    );
    const messages = await call("GET", `/api/v1/company/chats/${started.body.id}/messages?limit=100`, {
      token: w.directRep.token,
    });
    assert.equal(messages.body.data.length, 1 + ROUNDS, "one message per lead, besides the buyer's own");
  });
});
