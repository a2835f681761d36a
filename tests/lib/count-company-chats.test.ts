import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countCompanyChatsByStatus } from "../../lib/chats/count-company-chats";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { markChatRead } from "../../lib/messages/mark-read";
import { createCompany, createGroupRepresentative, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

describe("console counts", () => {
  it("count open/closed and unread chats of the actor's companies only", async () => {
    const [mine, other] = await Promise.all([createCompany(), createCompany()]);
    const rep = await createGroupRepresentative(mine.id);
    const buyers = await Promise.all([createUser(), createUser(), createUser()]);
    const chats = [];
    for (const buyer of buyers) {
      chats.push((await getOrCreateChat(buyer, { companyId: mine.id, content: "hello" })).chat);
    }
    // Another company's chats never show in this representative's counts.
    await getOrCreateChat(buyers[0]!, { companyId: other.id, content: "elsewhere" });
    await markChatRead(rep, "company", chats[0]!.id);
    await setChatActive(rep, chats[1]!.id, false);

    const expected = { open: { total: 2, unread: 1 }, closed: { total: 1, unread: 1 } };
    assert.deepEqual(await countCompanyChatsByStatus(rep), expected);
    assert.deepEqual(await countCompanyChatsByStatus(rep, { companyId: mine.id }), expected);
    const none = { open: { total: 0, unread: 0 }, closed: { total: 0, unread: 0 } };
    assert.deepEqual(await countCompanyChatsByStatus(rep, { companyId: other.id }), none);
    // A buyer represents nothing: zeros, even for a company they have a chat with.
    assert.deepEqual(await countCompanyChatsByStatus(buyers[0]!, { companyId: mine.id }), none);

    const admin = await createUser({ isAdmin: true });
    assert.deepEqual(await countCompanyChatsByStatus(admin, { companyId: other.id }), {
      open: { total: 1, unread: 1 },
      closed: { total: 0, unread: 0 },
    });
  });
});
