// The per-company counters (company_chat_stats, kept by triggers on `chats`) must always equal a
// recount of the chats, whatever sequence of writes came before: property-based, on both
// databases, with sequential and concurrent operations, deletions and cascades included.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Actor } from "../../lib/auth/actor";
import { companyChatTotals } from "../../lib/chats/company-chat-totals";
import { countCompanyChatsByStatus } from "../../lib/chats/count-company-chats";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChatsByPage } from "../../lib/chats/list-chats";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { countUnread } from "../../lib/chats/unread";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { markChatRead } from "../../lib/messages/mark-read";
import { sendMessage } from "../../lib/messages/send-message";
import { createCompany, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

const BUYERS = 3;
const COMPANIES = 2;

type Operation =
  | { kind: "start"; buyer: number; company: number; content: boolean }
  | { kind: "send" | "read"; buyer: number; company: number; side: "buyer" | "company" }
  | { kind: "close" | "reopen" | "deleteChat"; buyer: number; company: number }
  | { kind: "deleteBuyer"; buyer: number }
  | { kind: "deleteCompany"; company: number };

const buyerIndex = fc.integer({ min: 0, max: BUYERS - 1 });
const companyIndex = fc.integer({ min: 0, max: COMPANIES - 1 });
const side = fc.constantFrom("buyer" as const, "company" as const);
const at = { buyer: buyerIndex, company: companyIndex };
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
/** The writes of ordinary traffic. */
const chatOperation: fc.Arbitrary<Operation> = fc.oneof(
  weighted(4, fc.record({ kind: fc.constant("start" as const), ...at, content: fc.boolean() })),
  weighted(6, fc.record({ kind: fc.constant("send" as const), ...at, side })),
  weighted(3, fc.record({ kind: fc.constant("read" as const), ...at, side })),
  weighted(2, fc.record({ kind: fc.constantFrom("close" as const, "reopen" as const), ...at })),
);
/** Any write, deletions and the cascades of a deleted buyer or company included. */
const operation: fc.Arbitrary<Operation> = fc.oneof(
  weighted(16, chatOperation),
  weighted(1, fc.record({ kind: fc.constant("deleteChat" as const), ...at })),
  weighted(1, fc.record({ kind: fc.constant("deleteBuyer" as const), buyer: buyerIndex })),
  weighted(1, fc.record({ kind: fc.constant("deleteCompany" as const), company: companyIndex })),
);

type Scene = { buyers: Actor[]; reps: Actor[]; companyIds: number[]; admin: Actor };

async function newScene(): Promise<Scene> {
  const companies = await Promise.all(Array.from({ length: COMPANIES }, () => createCompany()));
  const companyIds = companies.map((company) => company.id);
  return {
    companyIds,
    buyers: await Promise.all(Array.from({ length: BUYERS }, () => createUser())),
    reps: await Promise.all(companyIds.map((companyId) => createUser({ companyId }))),
    admin: await createUser({ isAdmin: true }),
  };
}

async function chatIdOf(scene: Scene, buyer: number, company: number): Promise<number | null> {
  const chat = await db().chat.findUnique({
    where: {
      buyerId_companyId: { buyerId: scene.buyers[buyer]!.userId, companyId: scene.companyIds[company]! },
    },
    select: { id: true },
  });
  return chat?.id ?? null;
}

/** Runs one operation; refusals (a closed chat, a deleted party) are expected outcomes. */
async function apply(scene: Scene, op: Operation): Promise<void> {
  try {
    if (op.kind === "deleteBuyer") {
      await db().user.deleteMany({ where: { id: scene.buyers[op.buyer]!.userId } });
      return;
    }
    if (op.kind === "deleteCompany") {
      await db().company.deleteMany({ where: { id: scene.companyIds[op.company]! } });
      return;
    }
    const buyer = scene.buyers[op.buyer]!;
    const rep = scene.reps[op.company]!;
    if (op.kind === "start") {
      await getOrCreateChat(buyer, {
        companyId: scene.companyIds[op.company]!,
        content: op.content ? "hi" : undefined,
      });
      return;
    }
    const chatId = await chatIdOf(scene, op.buyer, op.company);
    if (chatId === null) return;
    if (op.kind === "send")
      await sendMessage(op.side === "buyer" ? buyer : rep, op.side, chatId, { content: "m" });
    else if (op.kind === "read") await markChatRead(op.side === "buyer" ? buyer : rep, op.side, chatId);
    else if (op.kind === "deleteChat") await db().chat.deleteMany({ where: { id: chatId } });
    else await setChatActive(rep, chatId, op.kind === "reopen");
  } catch (error) {
    // Refusals and races with a concurrent deletion (a chat or user that just went away).
    if (error instanceof AppError) return;
    if ((error as { code?: string }).code === "P2025" || (error as { code?: string }).code === "P2003")
      return;
    throw error;
  }
}

/** The totals counted from the chats themselves, the slow way the counters replace. */
async function recount(companyId: number) {
  const chats = await db().chat.findMany({
    where: { companyId },
    select: { isActive: true, companyUnreadCount: true },
  });
  const of = (active: boolean) => chats.filter((chat) => chat.isActive === active);
  const unread = (list: typeof chats) => list.filter((chat) => chat.companyUnreadCount > 0).length;
  return {
    openChats: of(true).length,
    closedChats: of(false).length,
    openUnreadChats: unread(of(true)),
    closedUnreadChats: unread(of(false)),
    unreadMessages: chats.reduce((sum, chat) => sum + chat.companyUnreadCount, 0),
  };
}

async function assertCountersMatch(scene: Scene): Promise<void> {
  for (const [index, companyId] of scene.companyIds.entries()) {
    const expected = await recount(companyId);
    assert.deepEqual(await companyChatTotals(scene.admin, companyId), expected, `company ${index}`);
    // What the endpoints read, through the representative's own scope.
    const rep = scene.reps[index]!;
    assert.deepEqual(await countCompanyChatsByStatus(rep), {
      open: { total: expected.openChats, unread: expected.openUnreadChats },
      closed: { total: expected.closedChats, unread: expected.closedUnreadChats },
      mine: await db().chat.count({ where: { companyId, isActive: true, assigneeId: rep.userId } }),
      unassigned: await db().chat.count({ where: { companyId, isActive: true, assigneeId: null } }),
    });
    assert.deepEqual(await countUnread(rep, "company"), {
      total: expected.unreadMessages,
      chats: expected.openUnreadChats + expected.closedUnreadChats,
    });
    for (const filters of [{}, { isActive: true }, { unread: true }, { isActive: false, unread: false }]) {
      const { count } = await listChatsByPage(rep, "company", { ...filters, page: 1, pageSize: 10 });
      assert.equal(count, await db().chat.count({ where: { companyId, ...unreadFilter(filters) } }));
    }
  }
}

function unreadFilter(filters: { isActive?: boolean; unread?: boolean }) {
  const unread =
    filters.unread === undefined
      ? {}
      : filters.unread
        ? { companyUnreadCount: { gt: 0 } }
        : { companyUnreadCount: 0 };
  return { ...(filters.isActive === undefined ? {} : { isActive: filters.isActive }), ...unread };
}

describe("per-company chat counters", () => {
  it("equal a recount after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const scene = await newScene();
        for (const op of operations) await apply(scene, op);
        await assertCountersMatch(scene);
      }),
      { numRuns: 12 },
    );
  });

  it("equal a recount after concurrent writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chatOperation, { minLength: 5, maxLength: 30 }), async (operations) => {
        const scene = await newScene();
        // Chats first, so the concurrent batch has something to race on.
        for (let buyer = 0; buyer < BUYERS; buyer++) {
          for (let company = 0; company < COMPANIES; company++) {
            await apply(scene, { kind: "start", buyer, company, content: true });
          }
        }
        await Promise.all(operations.map((op) => apply(scene, op)));
        await assertCountersMatch(scene);
      }),
      { numRuns: 6 },
    );
  });

  it("a company's counter row goes with the company", async () => {
    const scene = await newScene();
    await apply(scene, { kind: "start", buyer: 0, company: 0, content: true });
    await db().company.delete({ where: { id: scene.companyIds[0]! } });
    assert.equal(await db().companyChatStats.count({ where: { companyId: scene.companyIds[0]! } }), 0);
  });
});
