import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getChatOrThrow } from "../../lib/chats/get-chat";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { countUnread } from "../../lib/chats/unread";
import { db } from "../../lib/db/client";
import { listMessages } from "../../lib/messages/list-messages";
import { markChatRead } from "../../lib/messages/mark-read";
import { ContentSchema } from "../../lib/messages/schemas";
import { sendMessage } from "../../lib/messages/send-message";
import { createCompany, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

async function scene() {
  const company = await createCompany();
  const buyer = await createUser();
  const rep = await createUser({ companyId: company.id });
  const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
  return { company, buyer, rep, chatId: chat.id };
}

describe("sending", () => {
  it("records which representative replied and moves the chat's last message", async () => {
    const { buyer, rep, chatId } = await scene();
    const { message } = await sendMessage(rep, "company", chatId, {
      content: "We have a viewing on Monday.",
    });
    assert.equal(message.senderType, "company");
    assert.equal(message.sender?.id, rep.userId);
    const chat = await getChatOrThrow(buyer, "buyer", chatId);
    assert.equal(chat.lastMessage?.id, message.id);
    assert.equal(chat.buyerUnreadCount, 1);
    assert.equal(chat.companyUnreadCount, 0);
  });

  it("a closed chat refuses sends from both sides and reopening restores them", async () => {
    const { buyer, rep, chatId } = await scene();
    await setChatActive(rep, chatId, false);
    await assert.rejects(sendMessage(buyer, "buyer", chatId, { content: "Hello?" }), { code: "chat_closed" });
    await assert.rejects(sendMessage(rep, "company", chatId, { content: "Hi" }), { code: "chat_closed" });
    assert.equal(await db().message.count({ where: { chatId } }), 0);
    await setChatActive(rep, chatId, true);
    await sendMessage(buyer, "buyer", chatId, { content: "Hello again" });
    assert.equal(await db().message.count({ where: { chatId } }), 1);
  });

  it("a buyer cannot close a chat, nor send into another buyer's chat", async () => {
    const { buyer, chatId } = await scene();
    const stranger = await createUser();
    await assert.rejects(setChatActive(buyer, chatId, false), { code: "not_found" });
    await assert.rejects(sendMessage(stranger, "buyer", chatId, { content: "hi" }), { code: "not_found" });
    assert.equal(await db().message.count({ where: { chatId } }), 0);
  });

  it("the same client message id sends once; other content under it is refused", async () => {
    const { buyer, chatId } = await scene();
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        sendMessage(buyer, "buyer", chatId, { content: "Once", clientMessageId: "k-1" }),
      ),
    );
    assert.equal(new Set(attempts.map((a) => a.message.id)).size, 1);
    assert.equal(attempts.filter((a) => !a.replayed).length, 1);
    assert.equal(await db().message.count({ where: { chatId } }), 1);
    const chat = await getChatOrThrow(buyer, "buyer", chatId);
    assert.equal(chat.companyUnreadCount, 1, "a replay must not count as a new unread message");
    await assert.rejects(sendMessage(buyer, "buyer", chatId, { content: "Twice", clientMessageId: "k-1" }), {
      code: "idempotency_mismatch",
    });
  });

  it("concurrent sends into one chat are numbered in the order their events are", async () => {
    // A client that saw message N live and later asks for what came after N must miss nothing:
    // a chat's message ids have to follow its events' (commit) order.
    const { buyer, rep, chatId } = await scene();
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 2 === 0
          ? sendMessage(buyer, "buyer", chatId, { content: `buyer ${index}` })
          : sendMessage(rep, "company", chatId, { content: `rep ${index}` }),
      ),
    );
    const events = await db().event.findMany({
      where: { chatId, type: "message.created" },
      orderBy: { id: "asc" },
      select: { payload: true },
    });
    const inEventOrder = events.map((event) => (event.payload as { message: { id: number } }).message.id);
    assert.equal(inEventOrder.length, 24);
    assert.deepEqual(
      inEventOrder,
      [...inEventOrder].sort((a, b) => a - b),
    );
    const chat = await getChatOrThrow(buyer, "buyer", chatId);
    assert.equal(chat.lastMessage?.id, inEventOrder.at(-1), "the last message is the last one sent");
    assert.equal(chat.companyUnreadCount, 12);
    assert.equal(chat.buyerUnreadCount, 12);
  });

  it("content is trimmed, must not be blank and is at most 5,000 characters", () => {
    assert.equal(ContentSchema.parse("  hello \n"), "hello");
    assert.equal(ContentSchema.safeParse(" \n\t ").success, false);
    assert.equal(ContentSchema.safeParse("x".repeat(5000)).success, true);
    assert.equal(ContentSchema.safeParse("x".repeat(5001)).success, false);
    assert.equal(ContentSchema.safeParse(42).success, false);
  });
});

describe("reading", () => {
  it("each side marks only the other side's messages read, and counters follow", async () => {
    const { buyer, rep, chatId } = await scene();
    await sendMessage(buyer, "buyer", chatId, { content: "one" });
    await sendMessage(buyer, "buyer", chatId, { content: "two" });
    await sendMessage(rep, "company", chatId, { content: "three" });
    assert.equal(await markChatRead(buyer, "buyer", chatId), 1);
    assert.equal(await markChatRead(buyer, "buyer", chatId), 0);
    const stillUnread = await db().message.count({ where: { chatId, senderType: "user", readAt: null } });
    assert.equal(stillUnread, 2, "the buyer reading must not mark the buyer's own messages read");
    assert.deepEqual(await countUnread(rep, "company"), { total: 2, chats: 1 });
    assert.equal(await markChatRead(rep, "company", chatId), 2);
    assert.deepEqual(await countUnread(rep, "company"), { total: 0, chats: 0 });
    assert.deepEqual(await countUnread(buyer, "buyer"), { total: 0, chats: 0 });
  });

  it("counters stay exact while messages and reads interleave", async () => {
    const { buyer, rep, chatId } = await scene();
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => sendMessage(buyer, "buyer", chatId, { content: `m${i}` })),
      markChatRead(rep, "company", chatId),
      markChatRead(rep, "company", chatId),
    ]);
    const unread = await db().message.count({ where: { chatId, senderType: "user", readAt: null } });
    const chat = await getChatOrThrow(rep, "company", chatId);
    assert.equal(chat.companyUnreadCount, unread);
  });
});

describe("message pages", () => {
  it("pages backwards with before and forwards with after, oldest first", async () => {
    const { buyer, chatId } = await scene();
    const sent = [];
    for (let i = 1; i <= 7; i++)
      sent.push((await sendMessage(buyer, "buyer", chatId, { content: `m${i}` })).message.id);
    const newest = await listMessages(buyer, "buyer", chatId, { limit: 3 });
    assert.deepEqual(
      newest.messages.map((m) => m.content),
      ["m5", "m6", "m7"],
    );
    assert.equal(newest.hasMore, true);
    const older = await listMessages(buyer, "buyer", chatId, { limit: 3, before: sent[4] });
    assert.deepEqual(
      older.messages.map((m) => m.content),
      ["m2", "m3", "m4"],
    );
    const oldest = await listMessages(buyer, "buyer", chatId, { limit: 3, before: sent[1] });
    assert.deepEqual(
      oldest.messages.map((m) => m.content),
      ["m1"],
    );
    assert.equal(oldest.hasMore, false);
    const newer = await listMessages(buyer, "buyer", chatId, { limit: 5, after: sent[3] });
    assert.deepEqual(
      newer.messages.map((m) => m.content),
      ["m5", "m6", "m7"],
    );
    assert.equal(newer.hasMore, false);
  });

  it("another buyer's chat is not found, even with a cursor", async () => {
    const { chatId } = await scene();
    const stranger = await createUser();
    await assert.rejects(listMessages(stranger, "buyer", chatId, { limit: 3, before: 10 }), {
      code: "not_found",
    });
  });
});
