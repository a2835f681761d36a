// A lead from a portal or a contact form, posted by the company's integration: the buyer (found
// by email, or a new contact with no password), the one chat with the company, and the message
// posted for the buyer marked with its source, all in one transaction: a lead that fails leaves
// no contact, no chat and no message behind.
import "server-only";
import type { Actor } from "../auth/actor";
import { companyForActor } from "../companies/company-for-actor";
import { db, type Prisma } from "../db/client";
import { notFound } from "../errors";
import { appendEvent } from "../events/append-event";
import type { LeadJson } from "../events/payloads";
import { type ListingSummaryRecord, listingSummarySelect } from "../listings/listing-record";
import { newMessage, sendStatement } from "../messages/send-message";
import type { LeadBody } from "./schemas";

export type LeadResult = { chatId: number; buyerId: number; messageId: number; created: boolean };

/**
 * `idempotencyKey` is required by the route; it also makes the message's client id, so the same
 * lead sent again, even after the idempotency store forgot it, is still one message.
 *
 * What the company learns is what the lead said: the answer is the same shape whether the email
 * had an account or not, a chat the lead starts for an existing account shows the lead's name
 * (Chat.contactName), and the message has no sender (the portal posted it, not the person).
 * A closed chat is reopened: a new lead is the buyer asking again.
 */
export async function createLead(
  actor: Actor,
  input: { companyId?: number; lead: LeadBody; idempotencyKey: string },
): Promise<LeadResult> {
  const companyId = companyForActor(actor, input.companyId);
  const { lead } = input;
  const clientMessageId = `lead:${input.idempotencyKey}`;
  return db().$transaction(async (tx) => {
    const listing = lead.listing_external_id
      ? await findListing(tx, companyId, lead.listing_external_id)
      : null;
    const buyer = await findOrCreateContact(tx, lead);
    const chat = await findOrCreateChat(tx, { companyId, buyer, contactName: lead.name });
    const earlier = await tx.message.findFirst({
      where: { chatId: chat.id, senderType: "user", clientMessageId },
      select: { id: true },
    });
    if (earlier) return { chatId: chat.id, buyerId: buyer.userId, messageId: earlier.id, created: false };
    if (!chat.isActive) await reopen(tx, chat);
    const messageId = await postForBuyer(tx, buyer, chat.id, { lead, listing, clientMessageId });
    const record = await tx.lead.create({
      data: {
        companyId,
        chatId: chat.id,
        messageId,
        listingId: listing?.id ?? null,
        source: lead.source,
        name: lead.name,
        email: lead.email,
        phone: lead.phone || null,
      },
    });
    await appendEvent(tx, {
      type: "lead.created",
      chat: { id: chat.id, companyId, buyerId: buyer.userId },
      payload: { chat_id: chat.id, lead: leadJson(record) },
    });
    return { chatId: chat.id, buyerId: buyer.userId, messageId, created: chat.created };
  });
}

export function leadJson(lead: Prisma.LeadGetPayload<object>): LeadJson {
  return {
    id: lead.id,
    source: lead.source,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    listing_id: lead.listingId,
    message_id: lead.messageId,
    created_at: lead.createdAt.toISOString(),
  };
}

type Tx = Prisma.TransactionClient;
type Contact = Actor & { existed: boolean };

async function findListing(tx: Tx, companyId: number, externalId: string): Promise<ListingSummaryRecord> {
  const listing = await tx.listing.findUnique({
    where: { companyId_externalId: { companyId, externalId } },
    select: listingSummarySelect,
  });
  if (!listing) throw notFound("Listing");
  return listing;
}

/** The account with this email, or a new contact without a password (ON CONFLICT: race-free). */
async function findOrCreateContact(tx: Tx, lead: LeadBody): Promise<Contact> {
  const { count } = await tx.user.createMany({
    data: [{ email: lead.email, name: lead.name, passwordHash: null }],
    skipDuplicates: true,
  });
  const user = await tx.user.findUniqueOrThrow({
    where: { email: lead.email },
    select: { id: true, name: true },
  });
  // As the buyer of its chat only: the contact's other rights never matter here.
  return {
    userId: user.id,
    email: lead.email,
    name: user.name,
    isAdmin: false,
    companyIds: [],
    directCompany: null,
    existed: count === 0,
  };
}

type LeadChat = { id: number; isActive: boolean; created: boolean };

async function findOrCreateChat(
  tx: Tx,
  input: { companyId: number; buyer: Contact; contactName: string },
): Promise<LeadChat> {
  const { companyId, buyer } = input;
  const { count } = await tx.chat.createMany({
    // The lead's name only for an account that existed: a new contact already bears it.
    data: [{ buyerId: buyer.userId, companyId, contactName: buyer.existed ? input.contactName : null }],
    skipDuplicates: true,
  });
  const chat = await tx.chat.findUniqueOrThrow({
    where: { buyerId_companyId: { buyerId: buyer.userId, companyId } },
    select: { id: true, isActive: true },
  });
  if (count > 0) {
    await appendEvent(tx, {
      type: "chat.created",
      chat: { id: chat.id, companyId, buyerId: buyer.userId },
      payload: { chat_id: chat.id },
    });
  }
  return { ...chat, created: count > 0 };
}

async function reopen(tx: Tx, chat: LeadChat): Promise<void> {
  const updated = await tx.chat.update({
    where: { id: chat.id },
    data: { isActive: true, updatedAt: new Date() },
    select: { id: true, companyId: true, buyerId: true },
  });
  await appendEvent(tx, {
    type: "chat.reopened",
    chat: updated,
    payload: { chat_id: chat.id, is_active: true },
  });
}

/** The lead's message, as the buyer's, by the one send statement every message goes through. */
async function postForBuyer(
  tx: Tx,
  buyer: Contact,
  chatId: number,
  input: { lead: LeadBody; listing: ListingSummaryRecord | null; clientMessageId: string },
): Promise<number> {
  const message = {
    ...newMessage(buyer, "buyer", chatId, {
      content: input.lead.message,
      clientMessageId: input.clientMessageId,
      listing: input.listing,
      source: input.lead.source,
    }),
    // Posted by the portal, not typed by the person: no sender.
    sender: null,
  };
  const rows = await tx.$queryRaw<{ message_id: number }[]>(sendStatement(buyer, "buyer", message));
  const row = rows[0];
  if (!row) throw new Error("the lead's chat vanished inside its own transaction");
  return row.message_id;
}
