import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChats } from "../../lib/chats/list-chats";
import { countUnread } from "../../lib/chats/unread";
import { markChatRead } from "../../lib/messages/mark-read";
import { sendMessage } from "../../lib/messages/send-message";
import { createCompany, createGroupRepresentative, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

describe("chat core", () => {
  it("a buyer's message reaches the company and the read rules apply per side", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    const rep = await createUser({ companyId: company.id });
    const { chat, created } = await getOrCreateChat(buyer, { companyId: company.id, content: "Hello" });
    assert.equal(created, true);
    assert.equal(chat.companyUnreadCount, 1);
    assert.deepEqual(await countUnread(rep, "company"), { total: 1, chats: 1 });
    assert.equal(await markChatRead(rep, "company", chat.id), 1);
    assert.deepEqual(await countUnread(rep, "company"), { total: 0, chats: 0 });
    await sendMessage(rep, "company", chat.id, { content: "Hi, how can we help?" });
    assert.deepEqual(await countUnread(buyer, "buyer"), { total: 1, chats: 1 });
    const page = await listChats(buyer, "buyer", { limit: 10 });
    assert.equal(page.items[0]?.lastMessage?.content, "Hi, how can we help?");
    assert.equal(page.items[0]?.lastMessage?.sender?.id, rep.userId);
  });

  it("a group representative sees the chat; another company's does not", async () => {
    const company = await createCompany();
    const other = await createCompany();
    const buyer = await createUser();
    const groupRep = await createGroupRepresentative(company.id);
    const outsider = await createGroupRepresentative(other.id);
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    assert.deepEqual(
      (await listChats(groupRep, "company", { limit: 10 })).items.map((c) => c.id),
      [chat.id],
    );
    assert.deepEqual((await listChats(outsider, "company", { limit: 10 })).items, []);
    await assert.rejects(markChatRead(outsider, "company", chat.id), { code: "not_found" });
  });
});
