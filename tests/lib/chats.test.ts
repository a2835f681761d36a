import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addGroupMember, removeGroupMember } from "../../lib/admin/groups";
import { loadActorByUserId } from "../../lib/auth/actor";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChats, listChatsByPage } from "../../lib/chats/list-chats";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { listCompaniesForBuyer } from "../../lib/companies/list-companies";
import { db } from "../../lib/db/client";
import { sendMessage } from "../../lib/messages/send-message";
import {
  createCompany,
  createGroupRepresentative,
  createUser,
  unique,
  withTestDatabase,
} from "../support/database";

withTestDatabase();

describe("get-or-create", () => {
  it("20 concurrent calls create exactly one chat", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => getOrCreateChat(buyer, { companyId: company.id })),
    );
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.chat.id)).size, 1);
    assert.equal(await db().chat.count({ where: { buyerId: buyer.userId } }), 1);
  });

  it("content given to an existing chat is sent, not dropped; an unknown company is not found", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    await getOrCreateChat(buyer, { companyId: company.id, content: "first" });
    const again = await getOrCreateChat(buyer, { companyId: company.id, content: "second" });
    assert.equal(again.created, false);
    assert.equal(again.initialMessage?.message.content, "second");
    assert.equal(await db().message.count({ where: { chatId: again.chat.id } }), 2);
    await assert.rejects(getOrCreateChat(buyer, { companyId: 2_000_000_000 }), { code: "not_found" });
  });
});

describe("chat lists", () => {
  it("buyer lists are ordered by latest activity and page by cursor without gaps or repeats", async () => {
    const buyer = await createUser();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const company = await createCompany();
      ids.push((await getOrCreateChat(buyer, { companyId: company.id, content: `hi ${i}` })).chat.id);
    }
    const first = await listChats(buyer, "buyer", { limit: 2 });
    const second = await listChats(buyer, "buyer", { limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await listChats(buyer, "buyer", { limit: 2, cursor: second.nextCursor ?? undefined });
    const seen = [...first.items, ...second.items, ...third.items].map((c) => c.id);
    assert.deepEqual(seen, [...ids].reverse());
    assert.equal(third.nextCursor, null);
    await assert.rejects(listChats(buyer, "buyer", { limit: 2, cursor: "garbage" }), {
      code: "validation_failed",
    });
  });

  it("company filters: company, open or closed, unread", async () => {
    const a = await createCompany();
    const b = await createCompany();
    const rep = await createUser({ companyId: a.id });
    await addGroupMember({ ...rep, isAdmin: true }, `company_${b.id}`, rep.userId);
    const actor = (await loadActorByUserId(rep.userId))!;
    assert.deepEqual(
      actor.companyIds,
      [a.id, b.id].sort((x, y) => x - y),
    );
    const [buyer1, buyer2] = [await createUser(), await createUser()];
    const chatA = (await getOrCreateChat(buyer1, { companyId: a.id, content: "unread" })).chat;
    const chatB = (await getOrCreateChat(buyer2, { companyId: b.id })).chat;
    await setChatActive(actor, chatB.id, false);
    const ids = async (filters: object) =>
      (await listChats(actor, "company", { limit: 10, ...filters })).items.map((c) => c.id);
    assert.deepEqual(await ids({}), [chatB.id, chatA.id]);
    assert.deepEqual(await ids({ companyId: a.id }), [chatA.id]);
    assert.deepEqual(await ids({ isActive: false }), [chatB.id]);
    assert.deepEqual(await ids({ unread: true }), [chatA.id]);
    assert.deepEqual(await ids({ unread: false }), [chatB.id]);
    const paged = await listChatsByPage(actor, "company", { page: 1, pageSize: 1 });
    assert.equal(paged.count, 2);
    assert.equal(paged.chats.length, 1);
  });

  it("group membership grants access and removing it takes access away", async () => {
    const company = await createCompany();
    const rep = await createGroupRepresentative(company.id);
    const buyer = await createUser();
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    await sendMessage(rep, "company", chat.id, { content: "Welcome" });
    await removeGroupMember({ ...rep, isAdmin: true }, `company_${company.id}`, rep.userId);
    const after = (await loadActorByUserId(rep.userId))!;
    assert.deepEqual(after.companyIds, []);
    assert.deepEqual((await listChats(after, "company", { limit: 10 })).items, []);
    await assert.rejects(sendMessage(after, "company", chat.id, { content: "still here?" }), {
      code: "not_found",
    });
  });

  it("a group with a look-alike name grants nothing", async () => {
    const company = await createCompany();
    const user = await createUser();
    await addGroupMember({ ...user, isAdmin: true }, `company_${company.id}_archive`, user.userId);
    await addGroupMember({ ...user, isAdmin: true }, `xcompany_${company.id}`, user.userId);
    assert.deepEqual((await loadActorByUserId(user.userId))!.companyIds, []);
  });

  it("admins see every company's chats; nobody else does", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    const admin = await createUser({ isAdmin: true });
    const plain = await createUser();
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id });
    const adminIds = (await listChats(admin, "company", { limit: 10, companyId: company.id })).items.map(
      (c) => c.id,
    );
    assert.deepEqual(adminIds, [chat.id]);
    assert.deepEqual((await listChats(plain, "company", { limit: 10 })).items, []);
  });
});

describe("company directory", () => {
  it("shows the caller's own chat and unread count per company, and searches", async () => {
    const tag = unique("Directory");
    const withChat = await createCompany(`${tag} Alpha`);
    await createCompany(`${tag} Beta`);
    const buyer = await createUser();
    const rep = await createUser({ companyId: withChat.id });
    const { chat } = await getOrCreateChat(buyer, { companyId: withChat.id });
    await sendMessage(rep, "company", chat.id, { content: "New listing" });
    const page = await listCompaniesForBuyer(buyer, { q: tag, limit: 10 });
    assert.deepEqual(
      page.items.map((c) => [c.name, c.chat?.id ?? null, c.chat?.unreadCount ?? 0]),
      [
        [`${tag} Alpha`, chat.id, 1],
        [`${tag} Beta`, null, 0],
      ],
    );
    const stranger = await createUser();
    const theirs = await listCompaniesForBuyer(stranger, { q: tag, limit: 10 });
    assert.deepEqual(
      theirs.items.map((c) => c.chat),
      [null, null],
      "another buyer's chat never shows",
    );
  });
});
