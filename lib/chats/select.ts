// What a chat row carries when it leaves lib/: enough for both API surfaces and the pages,
// loaded in one query (company, buyer and last message are joins, not per-row lookups).
import type { Prisma } from "../db/client";

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
} satisfies Prisma.MessageSelect;

export const chatSelect = {
  id: true,
  createdAt: true,
  updatedAt: true,
  isActive: true,
  buyerUnreadCount: true,
  companyUnreadCount: true,
  company: { select: { id: true, name: true } },
  buyer: { select: { id: true, name: true, email: true } },
  lastMessage: { select: messageSelect },
} satisfies Prisma.ChatSelect;

export type MessageRecord = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
export type ChatRecord = Prisma.ChatGetPayload<{ select: typeof chatSelect }>;
