import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { authenticateApiKey, LAST_USED_PRECISION_MS } from "../../lib/api-keys/authenticate-api-key";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { listApiKeys } from "../../lib/api-keys/list-api-keys";
import { revokeApiKey } from "../../lib/api-keys/revoke-api-key";
import { CreateApiKeyBody } from "../../lib/api-keys/schemas";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChats } from "../../lib/chats/list-chats";
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

const page = { limit: 100 };

async function scene() {
  const [company, otherCompany, buyer] = await Promise.all([createCompany(), createCompany(), createUser()]);
  const rep = await createUser({ companyId: company.id });
  const { chat } = await getOrCreateChat(buyer, { companyId: company.id, content: "Is it still for sale?" });
  return { company, otherCompany, buyer, rep, chatId: chat.id };
}

describe("API keys in the database", () => {
  it("never stores the secret: no column of any key row contains it", async () => {
    const { company, rep } = await scene();
    const made = await Promise.all([
      createApiKey(rep, {
        name: unique("crm"),
        scopes: ["chats:read"],
        companyId: company.id,
        expiresAt: null,
      }),
      createApiKey(rep, { name: unique("me"), scopes: ["chats:read"], expiresAt: null }),
    ]);
    for (const { key, token } of made) {
      const secret = token.split("_").slice(2).join("_");
      assert.ok(secret.length >= 43);
      // Every column as text, read raw: whatever Prisma maps, the database holds no secret.
      const rows = await db().$queryRaw<
        { row: string }[]
      >`SELECT row_to_json(k)::text AS row FROM api_keys k WHERE id = ${key.id}`;
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.row.includes(secret), false, "the secret is stored in clear");
      assert.equal(rows[0]?.row.includes(token), false, "the token is stored in clear");
    }
  });

  it("a company key acts only as its company's side; a personal token as its user", async () => {
    const { company, rep, buyer, chatId } = await scene();
    const companyKey = await createApiKey(rep, {
      name: "CRM",
      scopes: ["chats:read", "messages:write"],
      companyId: company.id,
      expiresAt: null,
    });
    const asKey = await authenticateApiKey(companyKey.token);
    assert.deepEqual(asKey.actor.companyIds, [company.id]);
    assert.equal(asKey.actor.isAdmin, false);
    assert.ok(asKey.actor.userId < 0, "a company key is no user");
    assert.deepEqual(asKey.scopes, ["chats:read", "messages:write"]);
    assert.deepEqual(
      (await listChats(asKey.actor, "company", page)).items.map((c) => c.id),
      [chatId],
    );
    assert.deepEqual((await listChats(asKey.actor, "buyer", page)).items, []);
    await assert.rejects(getOrCreateChat(asKey.actor, { companyId: company.id }), { code: "forbidden" });

    const personal = await createApiKey(buyer, { name: "phone", scopes: ["chats:read"], expiresAt: null });
    const asToken = await authenticateApiKey(personal.token);
    assert.equal(asToken.actor.userId, buyer.userId);
    assert.deepEqual(
      (await listChats(asToken.actor, "buyer", page)).items.map((c) => c.id),
      [chatId],
    );
  });

  it("a company key's reply records the key and no person", async () => {
    const { company, rep, chatId } = await scene();
    const { key, token } = await createApiKey(rep, {
      name: "Auto-reply",
      scopes: ["messages:write"],
      companyId: company.id,
      expiresAt: null,
    });
    const { actor } = await authenticateApiKey(token);
    const { message } = await sendMessage(actor, "company", chatId, { content: "Thanks, we will call you." });
    assert.equal(message.sender, null);
    assert.deepEqual(message.apiKey, { id: key.id, name: "Auto-reply" });
    const row = await db().message.findUniqueOrThrow({ where: { id: message.id } });
    assert.deepEqual([row.senderId, row.apiKeyId, row.senderType], [null, key.id, "company"]);
  });

  it("revoked, expired, unknown and tampered keys are refused", async () => {
    const { company, rep } = await scene();
    const make = (expiresAt: Date | null) =>
      createApiKey(rep, { name: unique("k"), scopes: ["chats:read"], companyId: company.id, expiresAt });
    const [revoked, expiring, live] = await Promise.all([
      make(null),
      make(new Date(Date.now() + 60_000)),
      make(null),
    ]);
    await revokeApiKey(rep, revoked.key.id);
    await db().apiKey.update({
      where: { id: expiring.key.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const tampered = `${live.token.slice(0, -2)}${live.token.endsWith("AA") ? "BB" : "AA"}`;
    const otherKind = live.token.replace(/^esk_/, "esp_");
    for (const token of [revoked.token, expiring.token, tampered, otherKind, "esk_0000000000000000_x"]) {
      await assert.rejects(authenticateApiKey(token), { code: "unauthenticated" }, token.slice(0, 24));
    }
    await authenticateApiKey(live.token);
  });

  it("last_used_at moves on use, at most once a minute", async () => {
    const { rep } = await scene();
    const { key, token } = await createApiKey(rep, { name: "cli", scopes: ["chats:read"], expiresAt: null });
    await authenticateApiKey(token);
    const first = (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    assert.ok(first);
    await authenticateApiKey(token);
    const second = (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    assert.equal(second?.getTime(), first.getTime(), "written again within the minute");
    const longAgo = new Date(Date.now() - LAST_USED_PRECISION_MS - 1000);
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: longAgo } });
    await authenticateApiKey(token);
    const third = (await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    assert.ok(third && third > longAgo);
  });
});

describe("managing API keys", () => {
  it("representatives (direct or by group) and admins manage a company's keys; others get 404", async () => {
    const { company, otherCompany, rep, buyer } = await scene();
    const [groupRep, admin, outsider] = await Promise.all([
      createGroupRepresentative(company.id),
      createUser({ isAdmin: true }),
      createUser({ companyId: otherCompany.id }),
    ]);
    const { key } = await createApiKey(groupRep, {
      name: "CRM",
      scopes: ["chats:read"],
      companyId: company.id,
      expiresAt: null,
    });
    for (const who of [rep, groupRep, admin]) {
      const listed = await listApiKeys(who, { companyId: company.id, ...page });
      assert.deepEqual(
        listed.items.map((k) => k.id),
        [key.id],
      );
    }
    for (const who of [outsider, buyer]) {
      await assert.rejects(listApiKeys(who, { companyId: company.id, ...page }), { code: "not_found" });
      await assert.rejects(revokeApiKey(who, key.id), { code: "not_found" });
      await assert.rejects(
        createApiKey(who, { name: "x", scopes: ["chats:read"], companyId: company.id, expiresAt: null }),
        { code: "not_found" },
      );
    }
    await revokeApiKey(admin, key.id);
    await revokeApiKey(rep, key.id); // twice is fine
    const after = await listApiKeys(rep, { companyId: company.id, ...page });
    assert.ok(after.items[0]?.revokedAt);
  });

  it("personal tokens are their owner's alone, and keys cannot manage keys", async () => {
    const { buyer, rep } = await scene();
    const mine = await createApiKey(buyer, { name: "laptop", scopes: ["chats:read"], expiresAt: null });
    assert.deepEqual(
      (await listApiKeys(buyer, page)).items.map((k) => k.id),
      [mine.key.id],
    );
    assert.deepEqual((await listApiKeys(rep, page)).items, []);
    await assert.rejects(revokeApiKey(rep, mine.key.id), { code: "not_found" });
    const { actor } = await authenticateApiKey(mine.token);
    await assert.rejects(listApiKeys(actor, page), { code: "forbidden" });
    await assert.rejects(createApiKey(actor, { name: "y", scopes: ["chats:read"], expiresAt: null }), {
      code: "forbidden",
    });
  });

  it("lists page by cursor, newest first", async () => {
    const owner = await createUser();
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (await createApiKey(owner, { name: `k${i}`, scopes: ["chats:read"], expiresAt: null })).key.id,
      );
    const first = await listApiKeys(owner, { limit: 2 });
    assert.deepEqual(
      first.items.map((k) => k.id),
      [made[2], made[1]],
    );
    assert.ok(first.nextCursor);
    const second = await listApiKeys(owner, { limit: 2, cursor: first.nextCursor });
    assert.deepEqual(
      second.items.map((k) => k.id),
      [made[0]],
    );
    assert.equal(second.nextCursor, null);
  });

  it("the create body refuses what it must", () => {
    const ok = { name: "CRM", scopes: ["chats:read"] };
    assert.ok(CreateApiKeyBody.safeParse(ok).success);
    const bad = [
      { ...ok, name: " " },
      { ...ok, name: "x".repeat(101) },
      { ...ok, scopes: [] },
      { ...ok, scopes: ["admin"] },
      { ...ok, scopes: ["chats:read", "chats:read"] },
      { ...ok, expires_in_days: 0 },
      { ...ok, expires_in_days: 10_000 },
      { ...ok, expires_at: "2000-01-01T00:00:00Z" },
      { ...ok, expires_at: "not a date" },
      { ...ok, expires_in_days: 5, expires_at: new Date(Date.now() + 86_400_000).toISOString() },
      { ...ok, company_id: "1" },
      { ...ok, extra: true },
    ];
    for (const body of bad)
      assert.equal(CreateApiKeyBody.safeParse(body).success, false, JSON.stringify(body));
  });
});
