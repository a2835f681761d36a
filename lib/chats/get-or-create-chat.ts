import "server-only";
import { type Actor, isCompanyKey } from "../auth/actor";
import { db, Prisma } from "../db/client";
import { int } from "../db/columns";
import { inTransaction } from "../db/sql";
import { AppError, isForeignKeyViolation, notFound } from "../errors";
import { type SendResult, sendMessage } from "../messages/send-message";
import { settleNewChat } from "../routing/new-chat";
import { getChatOrThrow } from "./get-chat";
import type { ChatRecord } from "./select";

export type GetOrCreateChatResult = {
  chat: ChatRecord;
  created: boolean;
  /** The message sent with the request, when it carried content. */
  initialMessage: SendResult | null;
};

/**
 * The buyer's chat with a company, created if it does not exist. Safe under concurrent calls:
 * the insert is `ON CONFLICT DO NOTHING` on the (buyer, company) unique key, so exactly one
 * caller creates (and routes) it and every caller gets the same chat.
 *
 * Content, when given, is sent whether the chat is new or not: what the buyer typed is never
 * dropped (an inactive chat refuses it like any other send).
 */
export async function getOrCreateChat(
  actor: Actor,
  input: { companyId: number; content?: string; clientMessageId?: string; listingId?: number },
): Promise<GetOrCreateChatResult> {
  if (isCompanyKey(actor)) throw new AppError("forbidden", "A company key cannot start chats as a buyer.");
  const company = await db().company.findUnique({ where: { id: input.companyId }, select: { id: true } });
  if (!company) throw notFound("Company");
  // Checked before anything is written: a listing of another company starts no chat.
  if (input.listingId !== undefined) {
    const listing = await db().listing.findFirst({
      where: { id: input.listingId, companyId: company.id },
      select: { id: true },
    });
    if (!listing) throw notFound("Listing");
  }
  const created = await inTransaction(async (query) => {
    const [chat] = await query(
      { id: int },
      Prisma.sql`
        INSERT INTO chats (buyer_id, company_id) VALUES (${actor.userId}, ${company.id})
        ON CONFLICT (buyer_id, company_id) DO NOTHING
        RETURNING id`,
    );
    if (!chat) return false;
    await settleNewChat(query, { id: chat.id, companyId: company.id, buyerId: actor.userId });
    return true;
  }).catch((error: unknown) => {
    // The company (or the buyer's own account) deleted since it was read: a 404, not a 500.
    if (isForeignKeyViolation(error)) throw notFound("Company");
    throw error;
  });
  const existing = await db().chat.findUniqueOrThrow({
    where: { buyerId_companyId: { buyerId: actor.userId, companyId: company.id } },
    select: { id: true },
  });
  const initialMessage =
    input.content === undefined
      ? null
      : await sendMessage(actor, "buyer", existing.id, {
          content: input.content,
          clientMessageId: input.clientMessageId,
          listingId: input.listingId,
        });
  const chat = await getChatOrThrow(actor, "buyer", existing.id);
  return { chat, created, initialMessage };
}
