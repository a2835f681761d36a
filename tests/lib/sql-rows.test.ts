// The hand-written statements (lib/db/sql.ts) declare their columns; queryRows checks the
// declaration against what the database returns the first time a statement runs. This file runs
// every hot statement once, on each database the suite runs on (so a renamed or retyped column
// fails here, not in production), and proves the check refuses each kind of drift.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { authenticateApiKey } from "../../lib/api-keys/authenticate-api-key";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createAuthSession, loadActorBySessionId } from "../../lib/auth/sessions";
import { companyChatTotals } from "../../lib/chats/company-chat-totals";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChats, listChatsByPage } from "../../lib/chats/list-chats";
import { countUnread } from "../../lib/chats/unread";
import { Prisma } from "../../lib/db/client";
import { enumColumn, int, nullable, text } from "../../lib/db/columns";
import { queryRows } from "../../lib/db/sql";
import { listMessages } from "../../lib/messages/list-messages";
import { sendMessage } from "../../lib/messages/send-message";
import { createCompany, createUser, withTestDatabase } from "../support/database";

withTestDatabase();

describe("hand-written statements return the columns they declare", () => {
  it("every hot statement, once", async () => {
    const company = await createCompany();
    const buyer = await createUser();
    const rep = await createUser({ companyId: company.id });
    const admin = await createUser({ isAdmin: true });

    // Sessions and API keys: the actor statements.
    const sessionId = await createAuthSession(buyer.userId, "api");
    assert.equal((await loadActorBySessionId(sessionId))?.userId, buyer.userId);
    const { token } = await createApiKey(rep, {
      name: "crm",
      scopes: ["chats:read"],
      companyId: company.id,
      expiresAt: null,
    });
    assert.deepEqual((await authenticateApiKey(token)).actor.companyIds, [company.id]);

    // The send (one statement with its event), then every read of what it wrote.
    const { chat } = await getOrCreateChat(buyer, {
      companyId: company.id,
      content: "Is it still for sale?",
    });
    const reply = await sendMessage(rep, "company", chat.id, { content: "It is." });
    assert.equal(reply.message.sender?.id, rep.userId);

    for (const actor of [rep, admin]) {
      const page = await listChats(actor, "company", { limit: 20 });
      assert.ok(page.items.some((item) => item.id === chat.id && item.lastMessage?.content === "It is."));
    }
    const byPage = await listChatsByPage(buyer, "buyer", { page: 1, pageSize: 10 });
    assert.equal(byPage.count, 1);
    assert.equal((await companyChatTotals(rep)).openChats, 1);
    assert.deepEqual(await countUnread(buyer, "buyer"), { total: 1, chats: 1 });
    assert.deepEqual(await countUnread(rep, "company"), { total: 1, chats: 1 });
    const messages = await listMessages(buyer, "buyer", chat.id, { limit: 10 });
    assert.deepEqual(
      messages.messages.map((message) => message.content),
      ["Is it still for sale?", "It is."],
    );
  });

  it("refuses a declared column the statement does not return", async () => {
    await assert.rejects(
      queryRows({ id: int, title: text }, Prisma.sql`SELECT 1::int AS id`),
      /title is declared but the statement does not return it/,
    );
  });

  it("refuses a column of another type than declared", async () => {
    await assert.rejects(
      queryRows({ id: text }, Prisma.sql`SELECT 2::int AS id`),
      /id is int4, declared text/,
    );
    await assert.rejects(
      queryRows({ sender: enumColumn("sender_type") }, Prisma.sql`SELECT 'user'::text AS sender`),
      /sender is text, declared sender_type/,
    );
  });

  it("refuses a returned column nobody declared, and a null where none is allowed", async () => {
    await assert.rejects(
      queryRows({ id: int }, Prisma.sql`SELECT 3::int AS id, 'x'::text AS extra`),
      /extra is returned but not declared/,
    );
    await assert.rejects(queryRows({ id: int }, Prisma.sql`SELECT NULL::int AS id`), /id is null/);
    assert.deepEqual(await queryRows({ id: nullable(int) }, Prisma.sql`SELECT NULL::int AS id`), [
      { id: null },
    ]);
  });

  it("accepts an enum column by its type's name", async () => {
    const rows = await queryRows(
      { sender: enumColumn<"user" | "company">("sender_type") },
      Prisma.sql`SELECT 'company'::sender_type AS sender`,
    );
    assert.deepEqual(rows, [{ sender: "company" }]);
  });
});
