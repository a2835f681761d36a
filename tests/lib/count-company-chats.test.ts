import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countCompanyChatsByStatus } from "../../lib/chats/count-company-chats";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { markChatRead } from "../../lib/messages/mark-read";
import { setAssignee } from "../../lib/routing/set-assignee";
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

    // One open chat is the representative's, one a colleague's; the closed one (assigned to the
    // representative) counts in neither tab, and no open chat is left in the queue.
    const colleague = await createGroupRepresentative(mine.id);
    await setAssignee(rep, chats[0]!.id, rep.userId);
    await setAssignee(rep, chats[1]!.id, rep.userId);
    await setAssignee(rep, chats[2]!.id, colleague.userId);

    const expected = {
      open: { total: 2, unread: 1 },
      closed: { total: 1, unread: 1 },
      mine: 1,
      unassigned: 0,
    };
    assert.deepEqual(await countCompanyChatsByStatus(rep), expected);
    assert.deepEqual(await countCompanyChatsByStatus(rep, { companyId: mine.id }), expected);
    assert.deepEqual(await countCompanyChatsByStatus(colleague), { ...expected, mine: 1 });
    await setAssignee(colleague, chats[2]!.id, null);
    assert.deepEqual(await countCompanyChatsByStatus(colleague), { ...expected, mine: 0, unassigned: 1 });
    const none = { open: { total: 0, unread: 0 }, closed: { total: 0, unread: 0 }, mine: 0, unassigned: 0 };
    assert.deepEqual(await countCompanyChatsByStatus(rep, { companyId: other.id }), none);
    // A buyer represents nothing: zeros, even for a company they have a chat with.
    assert.deepEqual(await countCompanyChatsByStatus(buyers[0]!, { companyId: mine.id }), none);

    const admin = await createUser({ isAdmin: true });
    assert.deepEqual(await countCompanyChatsByStatus(admin, { companyId: other.id }), {
      open: { total: 1, unread: 1 },
      closed: { total: 0, unread: 0 },
      mine: 0,
      unassigned: 1,
    });
  });
});
