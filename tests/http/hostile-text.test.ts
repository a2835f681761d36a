// Text with controls, bidirectional overrides, lone surrogates, NUL and sizes around the limits,
// sent where the API stores text: what it accepts comes back exactly as sent (trimmed), what it
// refuses is refused with a clear 4xx and for a reason the rule in docs/decisions.md names.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import {
  type Answer,
  field,
  isControlOrLoneSurrogate,
  json,
  RUNS,
  SEED,
  SHRINK,
  send,
} from "../support/hostile-send";
import { hostileString, nastyShortString } from "../support/hostile-values";
import { type HostileWorld, makeHostileWorld, type Person } from "../support/hostile-world";

describe("hostile text where the API stores text", () => {
  let w: HostileWorld;
  before(async () => {
    w = await makeHostileWorld();
  });

  // Text the API accepts comes back exactly as sent (trimmed); what it refuses has a reason.
  const ROUND_TRIPS: {
    name: string;
    max: number;
    send: (text: string) => Promise<Answer>;
    /** Where the answer carries the text back. */
    echo: string;
    /** Registration hashes a password per run: fewer runs. */
    slow?: boolean;
  }[] = [
    {
      name: "a buyer's message",
      max: 5000,
      echo: "content",
      send: (text) => post(`/api/v1/chats/${w.chatId}/messages`, "buyer", { content: text }),
    },
    {
      name: "a company reply",
      max: 5000,
      echo: "content",
      send: (text) => post(`/api/v1/company/chats/${w.chatId}/messages`, "directRep", { content: text }),
    },
    {
      name: "a message on the original's path",
      max: 5000,
      echo: "content",
      send: (text) => post(`/chats/${w.chatId}/send_message/`, "buyer", { content: text }),
    },
    {
      name: "a reply on the original's path",
      max: 5000,
      echo: "message.content",
      send: (text) => post(`/company-chats/${w.chatId}/reply/`, "directRep", { content: text }),
    },
    {
      name: "a company description",
      max: 5000,
      echo: "description",
      send: (text) => post("/api/v1/admin/companies", "admin", { name: `${w.tag} co`, description: text }),
    },
    {
      name: "a person's name",
      max: 150,
      echo: "name",
      slow: true,
      send: (text) =>
        post("/api/v1/auth/register", null, {
          email: `${w.tag}-${randomUUID().slice(0, 8)}@example.test`,
          name: text,
          password: "a long enough password",
        }),
    },
  ];
  const post = (path: string, person: Person | null, body: unknown) =>
    send(w, {
      method: "POST",
      path,
      auth: person ? { person } : { header: undefined },
      headers: {},
      body: { text: JSON.stringify(body), contentType: "application/json", label: "round trip" },
    });
  for (const trip of ROUND_TRIPS) {
    it(`${trip.name}: stored as sent, or refused for a reason`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(nastyShortString, hostileString), async (text) => {
          const answer = await trip.send(text);
          const label = `${trip.name} ${JSON.stringify(text.slice(0, 80))} (${text.length}) → ${answer.status}`;
          assert.ok(answer.status < 500, `${label}: ${answer.text.slice(0, 300)}`);
          const trimmed = text.trim();
          if (answer.status < 300) {
            assert.equal(field(json(answer.text), trip.echo), trimmed, `${label}: echoed as sent`);
            return;
          }
          // Independent of the server's code: the rule of docs/decisions.md, written out again.
          const unstorable = [...text].some((unit) => isControlOrLoneSurrogate(unit.codePointAt(0) ?? 0));
          const reason = unstorable || trimmed === "" || trimmed.length > trip.max;
          assert.ok(reason, `${label}: refused without a reason: ${answer.text.slice(0, 300)}`);
          assert.ok([400, 413, 422].includes(answer.status), `${label}: a clear refusal`);
        }),
        { seed: SEED, numRuns: trip.slow ? RUNS * 2 : RUNS * 8, endOnFailure: !SHRINK },
      );
    });
  }
});
