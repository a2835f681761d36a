// What a chat row carries when it leaves lib/: enough for both API surfaces and the pages,
// loaded in one query (company, buyer and last message are joins, not per-row lookups).
import type { Prisma } from "../db/client";
import { listingSummarySelect } from "../listings/listing-record";

export const messageSelect = {
  id: true,
  chatId: true,
  senderType: true,
  content: true,
  createdAt: true,
  readAt: true,
  clientMessageId: true,
  sender: { select: { id: true, name: true } },
  apiKey: { select: { id: true, name: true } },
  source: true,
  automatic: true,
  listing: { select: listingSummarySelect },
} satisfies Prisma.MessageSelect;

export const chatSelect = {
  id: true,
  createdAt: true,
  updatedAt: true,
  isActive: true,
  buyerUnreadCount: true,
  companyUnreadCount: true,
  contactName: true,
  assignee: { select: { id: true, name: true } },
  company: { select: { id: true, name: true } },
  buyer: { select: { id: true, name: true, email: true } },
  lastMessage: { select: messageSelect },
} satisfies Prisma.ChatSelect;

export type MessageRecord = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
export type ChatRecord = Prisma.ChatGetPayload<{ select: typeof chatSelect }>;

/**
 * The name the chat shows for its buyer: the one a lead gave when a lead started the chat for an
 * existing account (the lead must not reveal the account's own), else the account's.
 */
export const buyerNameOf = (chat: Pick<ChatRecord, "contactName" | "buyer">) =>
  chat.contactName ?? chat.buyer.name;
