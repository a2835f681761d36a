import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { db } from "../../lib/db/client";
import { markChatRead } from "../../lib/messages/mark-read";
import { sendMessage } from "../../lib/messages/send-message";
import { currentEventPosition, readVisibleEventsAfter } from "../../lib/realtime/stored-events";
import { createCompany, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

describe("stored events", () => {
  it("every change records one event in its transaction, numbered without gaps", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    const rep = await createUser({ companyId: company.id });
    const start = await currentEventPosition();
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id, content: "hello" });
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => sendMessage(rep, "company", chat.id, { content: `reply ${i}` })),
    );
    await markChatRead(buyer, "buyer", chat.id);
    await markChatRead(buyer, "buyer", chat.id); // nothing left to read: no event
    await setChatActive(rep, chat.id, false);
    await setChatActive(rep, chat.id, false); // already closed: no event
    const events = await db().event.findMany({
      where: { id: { gt: start }, chatId: chat.id },
      orderBy: { id: "asc" },
    });
    assert.deepEqual(
      events.map((e) => e.type),
      [
        "chat.created",
        "message.created",
        ...Array(15).fill("message.created"),
        "messages.read",
        "chat.closed",
      ],
    );
    const all = await db().event.findMany({
      where: { id: { gt: start } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const ids = all.map((e) => Number(e.id - start));
    assert.deepEqual(
      ids,
      Array.from({ length: ids.length }, (_, i) => i + 1),
      "ids are gap-free in commit order",
    );
    assert.equal(await currentEventPosition(), all.at(-1)?.id);
  });

  it("a failed send records no event", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    const rep = await createUser({ companyId: company.id });
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    await setChatActive(rep, chat.id, false);
    const before = await currentEventPosition();
    await assert.rejects(sendMessage(buyer, "buyer", chat.id, { content: "anyone?" }), {
      code: "chat_closed",
    });
    assert.equal(await currentEventPosition(), before);
  });

  it("catch-up reads only what the actor may see", async () => {
    const [a, b] = [await createCompany(), await createCompany()];
    const buyer = await createUser();
    const repA = await createUser({ companyId: a.id });
    const repB = await createUser({ companyId: b.id });
    const start = await currentEventPosition();
    const chatA = (await getOrCreateChat(buyer, { companyId: a.id, content: "to A" })).chat;
    await getOrCreateChat(buyer, { companyId: b.id, content: "to B" });
    const seenByA = await readVisibleEventsAfter(repA, start, 100);
    assert.ok(seenByA.length > 0);
    assert.ok(seenByA.every((e) => e.companyId === a.id));
    assert.ok((await readVisibleEventsAfter(repB, start, 100)).every((e) => e.companyId === b.id));
    const buyerSees = await readVisibleEventsAfter(buyer, start, 100);
    assert.deepEqual(new Set(buyerSees.map((e) => e.companyId)), new Set([a.id, b.id]));
    const stranger = await createUser();
    assert.deepEqual(await readVisibleEventsAfter(stranger, start, 100), []);
    assert.ok(chatA.id > 0);
  });
});
