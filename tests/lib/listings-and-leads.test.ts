// Listings (upsert one or many by external id, withdraw, scoped to the companies one answers for),
// messages about a listing, and leads: everything a lead writes, or nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { verifyCredentials } from "../../lib/accounts/users";
import { getOrCreateChat } from "../../lib/chats/get-or-create-chat";
import { listChats } from "../../lib/chats/list-chats";
import { setChatActive } from "../../lib/chats/set-chat-active";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { createLead } from "../../lib/leads/create-lead";
import { listCompanyListings, listListingsOfChat } from "../../lib/listings/read-listings";
import { ListingInputSchema } from "../../lib/listings/schemas";
import { upsertListing, upsertListings } from "../../lib/listings/upsert-listings";
import { withdrawListing } from "../../lib/listings/withdraw-listing";
import { listMessages } from "../../lib/messages/list-messages";
import { sendMessage } from "../../lib/messages/send-message";
import { currentEventPosition, readVisibleEventsAfter } from "../../lib/realtime/stored-events";
import { createCompany, createUser, unique, withTestDatabase } from "../support/database";

withTestDatabase();

const listing = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  ...ListingInputSchema.parse({
    title: `Flat ${externalId}`,
    address: "1 Elm Street",
    price: { amount: 450000, currency: "EUR" },
    attributes: { bedrooms: 2 },
    ...overrides,
  }),
  external_id: externalId,
});

const rejectsWith = (code: string, what?: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === code && (!what || what.test(error.message));

async function scene() {
  const [company, other] = await Promise.all([createCompany(), createCompany()]);
  const [rep, otherRep, buyer] = await Promise.all([
    createUser({ companyId: company.id }),
    createUser({ companyId: other.id }),
    createUser(),
  ]);
  return { company, other, rep, otherRep, buyer };
}

describe("listings", () => {
  it("upserts by external id, tells created from updated, and leaves unchanged ones alone", async () => {
    const { rep } = await scene();
    const first = await upsertListing(rep, { listing: listing("A-1") });
    assert.equal(first.created, true);
    assert.equal(first.listing.title, "Flat A-1");
    assert.equal(Number(first.listing.priceAmount), 450000);
    const again = await upsertListing(rep, { listing: listing("A-1", { status: "sold" }) });
    assert.equal(again.created, false);
    assert.equal(again.listing.id, first.listing.id);
    assert.equal(again.listing.status, "sold");

    const counts = await upsertListings(rep, {
      listings: [listing("A-1", { status: "sold" }), listing("A-2"), listing("A-3", { price: null })],
    });
    assert.deepEqual(counts, { created: 2, updated: 0, unchanged: 1 });
    const page = await listCompanyListings(rep, { limit: 10, status: "active" });
    assert.deepEqual(
      page.items.map((item) => item.externalId),
      ["A-3", "A-2"],
    );
  });

  it("another company's listings are invisible, and writing to a company one does not represent is 404", async () => {
    const { company, other, rep, otherRep } = await scene();
    await upsertListing(rep, { listing: listing("B-1") });
    assert.equal((await listCompanyListings(otherRep, { limit: 10 })).items.length, 0);
    await assert.rejects(
      upsertListing(otherRep, { companyId: company.id, listing: listing("B-1") }),
      rejectsWith("not_found"),
    );
    await assert.rejects(
      withdrawListing(otherRep, { companyId: company.id, externalId: "B-1" }),
      rejectsWith("not_found"),
    );
    await assert.rejects(
      withdrawListing(otherRep, { externalId: "B-1" }),
      rejectsWith("not_found", /Listing/),
    );
    // One who represents two companies names the one meant.
    const both = await createUser({ companyId: company.id });
    const group = await db().group.create({ data: { name: `company_${other.id}` } });
    await db().groupMember.create({ data: { userId: both.userId, groupId: group.id } });
    const { loadActorByUserId } = await import("../../lib/auth/actor");
    const twoCompanies = await loadActorByUserId(both.userId);
    assert.ok(twoCompanies);
    await assert.rejects(
      upsertListing(twoCompanies, { listing: listing("B-2") }),
      rejectsWith("validation_failed"),
    );
    const named = await upsertListing(twoCompanies, { companyId: other.id, listing: listing("B-2") });
    assert.equal(named.created, true);
  });

  it("a withdrawn listing stays on the messages that mention it", async () => {
    const { company, rep, buyer } = await scene();
    const { listing: flat } = await upsertListing(rep, { listing: listing("C-1") });
    const { chat, initialMessage } = await getOrCreateChat(buyer, {
      companyId: company.id,
      listingId: flat.id,
      content: "Is there parking?",
    });
    assert.equal(initialMessage?.message.listing?.id, flat.id);
    await withdrawListing(rep, { externalId: "C-1" });
    const page = await listMessages(rep, "company", chat.id, { limit: 10 });
    assert.equal(page.messages[0]?.listing?.status, "withdrawn");
    assert.equal(page.messages[0]?.listing?.title, "Flat C-1");
    assert.deepEqual(
      (await listListingsOfChat(rep, "company", chat.id)).map((item) => item.id),
      [flat.id],
    );
  });

  it("a message may carry only a listing of the chat's company", async () => {
    const { company, otherRep, buyer } = await scene();
    const { listing: foreign } = await upsertListing(otherRep, { listing: listing("D-1") });
    await assert.rejects(
      getOrCreateChat(buyer, { companyId: company.id, listingId: foreign.id, content: "Hi" }),
      rejectsWith("not_found", /Listing/),
    );
    assert.equal((await listChats(buyer, "buyer", { limit: 10 })).items.length, 0, "no chat was started");
    const { chat } = await getOrCreateChat(buyer, { companyId: company.id, content: "Hi" });
    await assert.rejects(
      sendMessage(buyer, "buyer", chat.id, { content: "And this one?", listingId: foreign.id }),
      rejectsWith("not_found", /Listing/),
    );
    // Someone who cannot see the chat learns nothing about its company's listings.
    await assert.rejects(
      sendMessage(otherRep, "company", chat.id, { content: "x", listingId: foreign.id }),
      rejectsWith("not_found", /Chat/),
    );
  });
});

describe("leads", () => {
  const lead = (email: string, overrides: Record<string, unknown> = {}) => ({
    email,
    name: "Lee Lead",
    message: "I saw this on a portal. Can I visit on Saturday?",
    source: "Zillow",
    ...overrides,
  });

  it("creates a contact without a password, the chat and the buyer's message marked with its source", async () => {
    const { rep } = await scene();
    await upsertListing(rep, { listing: listing("L-1") });
    const email = `${unique("lead")}@example.test`;
    const start = await currentEventPosition();
    const result = await createLead(rep, {
      lead: { ...lead(email), phone: "+1 555 0100", listing_external_id: "L-1" },
      idempotencyKey: "lead-1",
    });
    assert.equal(result.created, true);
    const messages = await listMessages(rep, "company", result.chatId, { limit: 10 });
    const [message] = messages.messages;
    assert.equal(message?.source, "Zillow");
    assert.equal(message?.senderType, "user");
    assert.equal(message?.sender, null, "posted by the portal, not typed by the person");
    assert.equal(message?.listing?.externalId, "L-1");
    assert.equal(await verifyCredentials(email, ""), null, "a contact cannot sign in with a password");
    const contact = await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
    assert.equal(contact.passwordHash, null);

    // The lead's details are the company's: lead.created never reaches the buyer's stream.
    const { loadActorByUserId } = await import("../../lib/auth/actor");
    const buyer = await loadActorByUserId(result.buyerId);
    assert.ok(buyer);
    const buyerSees = (await readVisibleEventsAfter(buyer, start, 100)).map((event) => event.type);
    const repSees = (await readVisibleEventsAfter(rep, start, 100)).map((event) => event.type);
    assert.deepEqual(buyerSees, ["chat.created", "message.created"]);
    assert.deepEqual(repSees, ["chat.created", "message.created", "lead.created"]);
  });

  it("the same lead twice (same key) is one message; another key is another message in the same chat", async () => {
    const { rep } = await scene();
    const email = `${unique("twice")}@example.test`;
    const first = await createLead(rep, { lead: lead(email), idempotencyKey: "k-1" });
    const again = await createLead(rep, { lead: lead(email), idempotencyKey: "k-1" });
    assert.equal(again.messageId, first.messageId);
    assert.equal(again.created, false);
    // The same key for another message is refused, as a send's would be, whoever sends it.
    await assert.rejects(
      createLead(rep, { lead: lead(email, { message: "Something else" }), idempotencyKey: "k-1" }),
      rejectsWith("idempotency_mismatch"),
    );
    const next = await createLead(rep, {
      lead: lead(email, { message: "Still interested." }),
      idempotencyKey: "k-2",
    });
    assert.equal(next.chatId, first.chatId);
    assert.notEqual(next.messageId, first.messageId);
    assert.equal(await db().lead.count({ where: { chatId: first.chatId } }), 2);
  });

  it("for an existing account the company sees the lead's name, not the account's, and a closed chat reopens", async () => {
    const { company, rep } = await scene();
    const account = await createUser({ name: "Private Name" });
    const result = await createLead(rep, {
      lead: lead(account.email, { name: "Portal Name" }),
      idempotencyKey: "e-1",
    });
    const [chat] = (await listChats(rep, "company", { limit: 10, companyId: company.id })).items;
    assert.equal(chat?.contactName, "Portal Name");
    await setChatActive(rep, result.chatId, false);
    await createLead(rep, { lead: lead(account.email, { name: "Portal Name" }), idempotencyKey: "e-2" });
    const reopened = await db().chat.findUniqueOrThrow({
      where: { id: result.chatId },
      select: { isActive: true },
    });
    assert.equal(reopened.isActive, true);
  });

  it("a lead refused before writing (unknown listing) leaves no contact", async () => {
    const { rep } = await scene();
    const email = `${unique("nothing")}@example.test`;
    await assert.rejects(
      createLead(rep, { lead: lead(email, { listing_external_id: "no-such" }), idempotencyKey: "f-1" }),
      rejectsWith("not_found", /Listing/),
    );
    assert.equal(await db().user.count({ where: { email } }), 0);
  });

  it("a lead whose last write fails rolls back the contact, the chat, the message and the events", async () => {
    const { rep } = await scene();
    const email = `${unique("rollback")}@example.test`;
    const start = await currentEventPosition();
    // The database itself refuses the lead's record, the transaction's last statement.
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_lead() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db().$executeRawUnsafe(
      "CREATE TRIGGER refuse_lead BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION refuse_lead()",
    );
    try {
      await assert.rejects(
        createLead(rep, { lead: lead(email), idempotencyKey: "r-1" }),
        /refused for the test/,
      );
    } finally {
      await db().$executeRawUnsafe("DROP TRIGGER refuse_lead ON leads");
      await db().$executeRawUnsafe("DROP FUNCTION refuse_lead()");
    }
    assert.equal(await db().user.count({ where: { email } }), 0);
    assert.equal(await db().chat.count({ where: { buyer: { email } } }), 0);
    assert.equal((await readVisibleEventsAfter(rep, start, 100)).length, 0);
    // And the same lead goes through once the database accepts it.
    const result = await createLead(rep, { lead: lead(email), idempotencyKey: "r-1" });
    assert.equal(result.created, true);
  });

  it("leads arriving at once for one new email make one contact and one chat; the same key, one message", async () => {
    const { rep } = await scene();
    const email = `${unique("rush")}@example.test`;
    const results = await Promise.all([
      ...[1, 2, 3, 4].map((n) => createLead(rep, { lead: lead(email), idempotencyKey: `rush-${n}` })),
      ...[1, 2, 3].map(() => createLead(rep, { lead: lead(email), idempotencyKey: "rush-same" })),
    ]);
    assert.equal(new Set(results.map((result) => result.buyerId)).size, 1);
    assert.equal(new Set(results.map((result) => result.chatId)).size, 1);
    assert.equal(results.filter((result) => result.created).length, 1, "one delivery created the chat");
    const chatId = results[0]?.chatId as number;
    assert.equal(await db().message.count({ where: { chatId } }), 5, "four keys, and one for the same key");
    assert.equal(await db().lead.count({ where: { chatId } }), 5);
  });
});
