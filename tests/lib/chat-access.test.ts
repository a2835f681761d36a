// The rule of who may see which chat (lib/chats/scope.ts) is applied in three forms: a Prisma
// `where`, SQL for the hand-written statements, and a predicate for the live fan-out. For
// generated actors (people, admins, representatives of several companies, personal and company
// keys, strangers) every form, and the lib functions built on them, must pick the same chats and
// the same events.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import type { Actor, ApiKeyKind } from "../../lib/auth/actor";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChats } from "../../lib/chats/list-chats";
import {
  type ChatParties,
  chatScope,
  chatScopeSql,
  representedCompaniesSql,
  type Side,
  seesChat,
  seesEvent,
  seesSide,
} from "../../lib/chats/scope";
import { db, Prisma } from "../../lib/db/client";
import { int } from "../../lib/db/columns";
import { queryRows } from "../../lib/db/sql";
import { appendEvent } from "../../lib/events/append-event";
import { currentEventPosition, readVisibleEventsAfter } from "../../lib/realtime/stored-events";
import { typingAudience } from "../../lib/realtime/typing-signal";
import { createCompany, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

type World = {
  companyIds: number[];
  userIds: number[];
  chats: (ChatParties & { id: number })[];
  /** Events of the world's chats are those after this position. */
  start: bigint;
};
let world: World;

/** Actors over the world's users and companies, and ids that exist nowhere. */
function actorArbitrary(): fc.Arbitrary<Actor> {
  const userId = fc.oneof(fc.constantFrom(...world.userIds), fc.constant(2_000_000_000));
  const companyId = fc.oneof(fc.constantFrom(...world.companyIds), fc.constant(2_000_000_001));
  const key = fc.constantFrom<ApiKeyKind | null>(null, "personal", "company");
  return fc
    .record({
      userId,
      isAdmin: fc.boolean(),
      companyIds: fc.uniqueArray(companyId, { maxLength: 3 }),
      key,
    })
    .map(({ userId, isAdmin, companyIds, key }) => ({
      // A company key's actor is no person: its userId is the key's id negated.
      userId: key === "company" ? -userId : userId,
      email: "actor@example.test",
      name: "Actor",
      isAdmin: key === "company" ? false : isAdmin,
      companyIds: companyIds.sort((a, b) => a - b),
      directCompany: null,
      ...(key ? { apiKey: { id: 1, name: "key", kind: key } } : {}),
    }));
}

const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);
const worldChatIds = () => world.chats.map((chat) => chat.id);

async function chatIdsByPrisma(actor: Actor, side: Side): Promise<number[]> {
  const rows = await db().chat.findMany({
    where: { id: { in: worldChatIds() }, ...chatScope(actor, side) },
    select: { id: true },
  });
  return ids(rows);
}

async function chatIdsBySql(actor: Actor, side: Side): Promise<number[]> {
  const rows = await queryRows(
    { id: int },
    Prisma.sql`SELECT id FROM chats WHERE id = ANY (${worldChatIds()}::int[]) AND ${chatScopeSql(actor, side)}`,
  );
  return ids(rows);
}

async function chatIdsByList(actor: Actor, side: Side): Promise<number[]> {
  const page = await listChats(actor, side, { limit: 100 });
  const mine = new Set(worldChatIds());
  return ids(page.items.filter((chat) => mine.has(chat.id)));
}

const runs = { numRuns: 60 };

describe("who may see which chat: every form of the rule agrees", () => {
  before(async () => {
    const companies = await Promise.all([createCompany(), createCompany(), createCompany()]);
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    const start = await currentEventPosition();
    const chats: World["chats"] = [];
    // Not every pair has a chat, so "sees nothing" and "sees some" both happen.
    for (const [u, user] of users.entries()) {
      for (const [c, company] of companies.entries()) {
        if ((u + c) % 3 === 2) continue;
        const { chat } = await getOrCreateChat(user, { companyId: company.id, content: `from ${u} to ${c}` });
        chats.push({ id: chat.id, buyerId: user.userId, companyId: company.id });
        // Every other chat also gets an event only its company side may see.
        if ((u + c) % 2 === 0) {
          await db().$transaction((tx) =>
            appendEvent(tx, {
              type: "lead.created",
              chat: { id: chat.id, companyId: company.id, buyerId: user.userId },
              payload: { chat_id: chat.id, lead: companyOnlyLead(chat.id) },
            }),
          );
        }
      }
    }
    world = { companyIds: companies.map((c) => c.id), userIds: users.map((u) => u.userId), chats, start };
  });

  for (const side of ["buyer", "company"] as const) {
    it(`${side} side: Prisma where, SQL, the chat list and the predicate pick the same chats`, async () => {
      await fc.assert(
        fc.asyncProperty(actorArbitrary(), async (actor) => {
          const expected = ids(world.chats.filter((chat) => seesSide(actor, side, chat)));
          assert.deepEqual(await chatIdsByPrisma(actor, side), expected, "Prisma where");
          assert.deepEqual(await chatIdsBySql(actor, side), expected, "SQL");
          assert.deepEqual(await chatIdsByList(actor, side), expected, "listChats");
        }),
        runs,
      );
    });
  }

  it("represented companies as SQL match the company side of the predicate", async () => {
    await fc.assert(
      fc.asyncProperty(actorArbitrary(), async (actor) => {
        const rows = await queryRows(
          { id: int },
          Prisma.sql`SELECT id FROM companies
                     WHERE id = ANY (${world.companyIds}::int[])
                       AND ${representedCompaniesSql(actor, Prisma.raw("companies.id"))}`,
        );
        const expected = world.companyIds
          .filter((companyId) => seesSide(actor, "company", { buyerId: 0, companyId }))
          .sort((a, b) => a - b);
        assert.deepEqual(ids(rows), expected);
      }),
      runs,
    );
  });

  it("a stream's catch-up reads the events the live filter would pass", async () => {
    const worldEvents = await db().event.findMany({
      where: { id: { gt: world.start }, chatId: { in: worldChatIds() } },
      orderBy: { id: "asc" },
    });
    const chatOfEvent = new Map(worldEvents.map((event) => [event.id, event.chatId]));
    await fc.assert(
      fc.asyncProperty(actorArbitrary(), async (actor) => {
        const read = await readVisibleEventsAfter(actor, world.start, 10_000);
        const readOfWorld = read.map((event) => event.id).filter((id) => chatOfEvent.has(id));
        const expected = worldEvents.filter((event) => seesEvent(actor, event)).map((event) => event.id);
        assert.deepEqual(readOfWorld, expected);
        // Each world chat recorded events, so "sees a chat" and "reads its events" coincide.
        const chatsRead = new Set(readOfWorld.map((id) => chatOfEvent.get(id)));
        for (const chat of world.chats) assert.equal(chatsRead.has(chat.id), seesChat(actor, chat));
      }),
      runs,
    );
  });

  it("typing reaches the side that sees the chat in the database, never the typist", async () => {
    await fc.assert(
      fc.asyncProperty(
        actorArbitrary(),
        fc.constantFrom(...world.chats),
        fc.constantFrom<Side>("buyer", "company"),
        async (actor, chat, typingSide) => {
          const typist = { id: 999_999_999, name: "Typist" };
          const signal = {
            chat_id: chat.id,
            buyer_id: chat.buyerId,
            company_id: chat.companyId,
            side: typingSide,
            user: typist,
          };
          const listening: Side = typingSide === "buyer" ? "company" : "buyer";
          const seenInDatabase = (await chatIdsByPrisma(actor, listening)).includes(chat.id);
          assert.equal(typingAudience(actor, signal), seenInDatabase);
          assert.equal(typingAudience({ ...actor, userId: typist.id }, signal), false);
        },
      ),
      runs,
    );
  });
});

function companyOnlyLead(chatId: number) {
  return {
    id: chatId,
    source: "test",
    name: "Lead",
    email: "lead@example.test",
    phone: null,
    listing_id: null,
    message_id: 0,
    created_at: new Date().toISOString(),
  };
}
