// The hot queries use their indexes: on a seeded marketplace-shaped database, the statements the
// app really sends for inbox, console, thread, counts, send and mark-read are EXPLAINed, and none
// may scan the chats or messages table sequentially (a scan's cost grows with the marketplace).
// On PostgreSQL this file makes its own database, since it fills fixed ids.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Actor, loadActorByUserId } from "../../lib/auth/actor";
import { countCompanyChatsByStatus } from "../../lib/chats/count-company-chats";
import { listChats } from "../../lib/chats/list-chats";
import { countUnread } from "../../lib/chats/unread";
import { closeDatabase, database, db } from "../../lib/db/client";
import { applyPendingMigrations } from "../../lib/db/migrate";
import { countingQueries } from "../../lib/db/query-count";
import { listMessages } from "../../lib/messages/list-messages";
import { markChatRead } from "../../lib/messages/mark-read";
import { sendMessage } from "../../lib/messages/send-message";
import { generateDataset, roles, shapeAt } from "../../scripts/bench/dataset";
import { createPostgresDatabase, type ThrowAwayDatabase } from "../../scripts/postgres-database";
import { assertLocalDatabase } from "../support/database";
import { type Explain, seqScansOverLargeTables } from "../support/query-plans";

process.env.EXPOSE_QUERY_COUNT = "1";
process.env.AUTH_SECRET ??= "lib-tests-secret-lib-tests-secret-lib-tests";
// Big enough for the planner's choices to be the ones it makes at scale; smaller in PGlite, which
// is a single-threaded WebAssembly build and fills tables far slower.
const shape = shapeAt(process.env.DATABASE_URL ? 0.05 : 0.01);
const who = roles(shape);
let ownDatabase: ThrowAwayDatabase | undefined;

before(async () => {
  const serverUrl = process.env.DATABASE_URL;
  assertLocalDatabase(serverUrl);
  if (serverUrl) {
    ownDatabase = await createPostgresDatabase(serverUrl, "plans");
    process.env.DATABASE_URL = ownDatabase.url;
  } else {
    process.env.PGLITE_DIR = "memory://";
    const { pglite } = database();
    if (!pglite) throw new Error("expected embedded PGlite");
    await applyPendingMigrations({ pglite });
  }
  // One transaction: the generator's temporary tables live on one connection.
  await db().$transaction((tx) => generateDataset((sql) => tx.$executeRawUnsafe(sql), shape), {
    timeout: 600_000,
  });
});

after(async () => {
  await closeDatabase();
  await ownDatabase?.drop();
});

const explain: Explain = async (sql, params) => {
  const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    ...params,
  );
  return rows.map((row) => row["QUERY PLAN"]);
};

const actor = async (userId: number): Promise<Actor> => {
  const found = await loadActorByUserId(userId);
  assert.ok(found, `user ${userId} exists in the seeded set`);
  return found;
};

async function longChatId(): Promise<number> {
  const chat = await db().chat.findFirst({ where: { companyId: who.busyCompanyId }, orderBy: { id: "asc" } });
  assert.ok(chat);
  return chat.id;
}

/** Runs the work, then asserts no statement it sent scans chats or messages sequentially. */
async function assertIndexed(label: string, work: () => Promise<unknown>) {
  const { statements } = await countingQueries(work, { keep: true });
  assert.ok(statements.length > 0, `${label}: captured no statements`);
  const scans = await seqScansOverLargeTables(statements, explain);
  assert.deepEqual(scans, [], `${label}: sequential scans over large tables`);
}

describe("hot queries use indexes on a seeded marketplace", () => {
  test("buyer inbox, first and next page, for a buyer with a chat at every company", async () => {
    const collector = await actor(who.collectorBuyerId);
    const first = await listChats(collector, "buyer", { limit: 5 });
    assert.ok(first.nextCursor, "the collector has more than one page of chats");
    await assertIndexed("inbox", () => listChats(collector, "buyer", { limit: 5 }));
    await assertIndexed("inbox page 2", () =>
      listChats(collector, "buyer", { limit: 5, cursor: first.nextCursor ?? undefined }),
    );
  });

  test("console list of the busy company, with each filter", async () => {
    const rep = await actor(who.representativeOf(who.busyCompanyId));
    const tabs = [{ assignee: "none" as const }, { assignee: rep.userId }];
    for (const filters of [
      {},
      { isActive: true },
      { unread: true },
      { companyId: who.busyCompanyId },
      ...tabs,
    ]) {
      await assertIndexed(`console ${JSON.stringify(filters)}`, () =>
        listChats(rep, "company", { limit: 20, ...filters }),
      );
    }
  });

  test("a message page deep in a very long chat", async () => {
    const rep = await actor(who.representativeOf(who.busyCompanyId));
    const chatId = await longChatId();
    const newest = await listMessages(rep, "company", chatId, { limit: 50 });
    assert.equal(newest.messages.length, 50);
    await assertIndexed("thread newest", () => listMessages(rep, "company", chatId, { limit: 50 }));
    const middle = newest.messages[0]!.id - Math.floor(shape.longChatMessages / 2);
    await assertIndexed("thread before", () =>
      listMessages(rep, "company", chatId, { limit: 50, before: middle }),
    );
  });

  test("unread counts and console counts", async () => {
    const collector = await actor(who.collectorBuyerId);
    const rep = await actor(who.representativeOf(who.busyCompanyId));
    await assertIndexed("buyer unread", () => countUnread(collector, "buyer"));
    await assertIndexed("company unread", () => countUnread(rep, "company"));
    await assertIndexed("console counts", () => countCompanyChatsByStatus(rep));
  });

  test("sending and marking read", async () => {
    const buyer = await actor(who.typicalBuyerId);
    const chat = await db().chat.findFirst({ where: { buyerId: who.typicalBuyerId, isActive: true } });
    assert.ok(chat, "the typical buyer has an open chat");
    await assertIndexed("send", () =>
      sendMessage(buyer, "buyer", chat.id, { content: "Is it still available?" }),
    );
    const rep = await actor(who.representativeOf(chat.companyId));
    await assertIndexed("mark read", () => markChatRead(rep, "company", chat.id));
  });
});
