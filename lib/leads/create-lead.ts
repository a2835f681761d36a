// A lead from a portal or a contact form, posted by the company's integration: the buyer (found
// by email, or a new contact with no password), the one chat with the company, and the message
// posted for the buyer marked with its source, all in one transaction: a lead that fails leaves
// no contact, no chat and no message behind.
import "server-only";
import type { Actor } from "../auth/actor";
import { companyForActor } from "../companies/company-for-actor";
import { db } from "../db/client";
import { inTransaction, type TransactionQuery } from "../db/sql";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { type ListingSummaryRecord, listingSummarySelect } from "../listings/listing-record";
import { newMessage, sendAwayMessageIfClosed, sendColumns, sendStatement } from "../messages/send-message";
import { settleNewChat } from "../routing/new-chat";
import { findOrCreateParties, type LeadParties, recordLead, reopenChat } from "./lead-statements";
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
  const listing = lead.listing_external_id ? await findListing(companyId, lead.listing_external_id) : null;
  try {
    return answered(
      await inTransaction((query) => postLead(query, { companyId, lead, listing, clientMessageId })),
    );
  } catch (error) {
    // The same lead delivered twice at once: the other delivery posted it first; answer with it.
    if (!isUniqueViolation(error)) throw error;
    return answered(
      await inTransaction((query) => postLead(query, { companyId, lead, listing, clientMessageId })),
    );
  }
}

/** Once committed: a lead at night is a buyer's message at night, and hears the away message. */
async function answered(posted: LeadResult & { away?: unknown }): Promise<LeadResult> {
  const { away, ...result } = posted;
  if (away) await sendAwayMessageIfClosed(result.chatId, away);
  return result;
}

async function postLead(
  query: TransactionQuery,
  input: { companyId: number; lead: LeadBody; listing: ListingSummaryRecord | null; clientMessageId: string },
): Promise<LeadResult & { away?: unknown }> {
  const { companyId, lead, listing, clientMessageId } = input;
  const parties = await partiesOf(query, { companyId, email: lead.email, name: lead.name, clientMessageId });
  const chat = { id: parties.chatId, companyId, buyerId: parties.buyerId };
  const answer = { chatId: chat.id, buyerId: chat.buyerId };
  if (parties.earlier) {
    // Like a send's client id: the same key for another message is a mistake worth saying.
    if (parties.earlier.content !== lead.message) {
      throw new AppError(
        "idempotency_mismatch",
        "This Idempotency-Key was already used for a different lead.",
        [{ field: "message", message: "Differs from the lead first sent with this key." }],
      );
    }
    return { ...answer, messageId: parties.earlier.id, created: false };
  }
  if (parties.chatCreated) await settleNewChat(query, chat);
  else if (!parties.chatActive) await reopenChat(query, chat);
  const buyer = buyerActor(parties.buyerId, lead);
  const message = {
    ...newMessage(buyer, "buyer", chat.id, {
      content: lead.message,
      clientMessageId,
      listing,
      source: lead.source,
    }),
    // Posted by the portal, not typed by the person: no sender.
    sender: null,
  };
  const [sent] = await query(sendColumns, sendStatement(buyer, "buyer", message));
  if (!sent) throw new Error("the lead's chat vanished inside its own transaction");
  await recordLead(query, chat, {
    source: lead.source,
    name: lead.name,
    email: lead.email,
    phone: lead.phone || null,
    listing_id: listing?.id ?? null,
    message_id: sent.message_id,
    created_at: message.createdAt.toISOString(),
  });
  return { ...answer, messageId: sent.message_id, created: parties.chatCreated, away: sent.away };
}

/** The contact and chat; a concurrent lead for the same new email is seen by the next statement. */
async function partiesOf(
  query: TransactionQuery,
  input: Parameters<typeof findOrCreateParties>[1],
): Promise<LeadParties> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const parties = await findOrCreateParties(query, input);
    if (parties) return parties;
  }
  throw new Error("a concurrent lead kept the contact or chat out of sight three times");
}

/** As the buyer of its chat only: the contact's other rights never matter here. */
function buyerActor(userId: number, lead: LeadBody): Actor {
  return { userId, email: lead.email, name: lead.name, isAdmin: false, companyIds: [], directCompany: null };
}

async function findListing(companyId: number, externalId: string): Promise<ListingSummaryRecord> {
  const listing = await db().listing.findUnique({
    where: { companyId_externalId: { companyId, externalId } },
    select: listingSummarySelect,
  });
  if (!listing) throw notFound("Listing");
  return listing;
}
