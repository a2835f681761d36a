// The database statements each list endpoint costs, pinned (the server reports them in
// X-Db-Queries when EXPOSE_QUERY_COUNT is set, as the test servers do; rate-limit counters,
// which every request pays alike, are left out). The count must not grow
// with the number of rows listed: a per-row query that creeps back in fails here first.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { call, makeWorld, signUp, type World } from "../support/http";

/** Statements per request: authentication (one, with the caller's companies) plus the list's own. */
const EXPECTED: Record<string, number> = {
  "GET /api/v1/chats": 2,
  "GET /api/v1/company/chats": 2,
  // The chat's scope check and its page are one statement.
  "GET /api/v1/chats/{chat}/messages": 2,
  "GET /api/v1/company/chats/{chat}/messages": 2,
  "GET /api/v1/unread-count": 2,
  "GET /api/v1/company/chat-counts": 2,
  "GET /api/v1/companies": 2,
  "GET /chats/": 3,
  "GET /company-chats/": 3,
  "GET /chats/unread_count/": 2,
};

let world: World;
let chatId: number;

before(async () => {
  world = await makeWorld();
  chatId = (await startChatWith(world.buyer.token, world.companyA)).id;
});

async function startChatWith(token: string, companyId: number) {
  const answer = await call("POST", "/api/v1/chats", {
    token,
    body: { company_id: companyId, content: "Hello" },
  });
  assert.ok([200, 201].includes(answer.status), answer.text);
  return answer.body as { id: number };
}

/** The statements one request ran, as the server reports them. */
async function queriesFor(spec: string, token: string): Promise<number> {
  const [method = "GET", route = ""] = spec.split(" ");
  const answer = await call(method, route.replace("{chat}", String(chatId)), { token });
  assert.equal(answer.status, 200, `${spec}: ${answer.text}`);
  const header = answer.headers.get("x-db-queries");
  assert.ok(header, `${spec}: no X-Db-Queries header (is EXPOSE_QUERY_COUNT set on the test server?)`);
  return Number(header);
}

/** Who asks: buyer routes as the buyer, company routes as the representative. */
const tokenFor = (spec: string) =>
  /company|chat-counts/.test(spec) && !spec.includes("companies") ? world.directRep.token : world.buyer.token;

describe("statements per request on list endpoints", () => {
  test("each list endpoint runs its pinned number of statements", async () => {
    const measured: Record<string, number> = {};
    for (const spec of Object.keys(EXPECTED)) measured[spec] = await queriesFor(spec, tokenFor(spec));
    assert.deepEqual(measured, EXPECTED);
  });

  test("the count does not grow with the rows listed", async () => {
    // More chats for the company and more messages in the chat, from other buyers and the rep.
    const buyers = await Promise.all([1, 2, 3, 4, 5].map((n) => signUp(`more-${n}`)));
    await Promise.all(buyers.map((buyer) => startChatWith(buyer.token, world.companyA)));
    for (let i = 0; i < 5; i++) {
      await call("POST", `/api/v1/company/chats/${chatId}/messages`, {
        token: world.directRep.token,
        body: { content: `reply ${i}` },
      });
    }
    for (const spec of Object.keys(EXPECTED)) {
      assert.equal(await queriesFor(spec, tokenFor(spec)), EXPECTED[spec], `${spec} after more rows`);
    }
  });
});
