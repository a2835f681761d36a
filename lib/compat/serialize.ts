// Domain records → the original's shapes (see schemas.ts).
import type { z } from "zod";
import { buyerNameOf, type ChatRecord, type MessageRecord } from "../chats/select";
import type { CompanyForBuyer } from "../companies/list-companies";
import type {
  CompatBuyerChatSchema,
  CompatCompanyChatSchema,
  CompatCompanyListingSchema,
  CompatMessageSchema,
} from "./schemas";

/** DRF's format: ISO 8601 in UTC with microseconds and `Z`. JS dates hold milliseconds. */
export function drfTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

const PREVIEW_LENGTH = 50;

/** The original's preview: 50 characters (code points, as Python counts them) plus "...". */
export function previewOf(content: string): string {
  const chars = Array.from(content);
  return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH).join("")}...` : content;
}

export function toCompatMessage(message: MessageRecord): z.input<typeof CompatMessageSchema> {
  return {
    id: message.id,
    chat: message.chatId,
    sender_type: message.senderType,
    content: message.content,
    timestamp: drfTime(message.createdAt),
    is_read: message.readAt !== null,
  };
}

function chatCommon(chat: ChatRecord) {
  const last = chat.lastMessage;
  return {
    id: chat.id,
    user: chat.buyer.id,
    created_at: drfTime(chat.createdAt),
    updated_at: drfTime(chat.updatedAt),
    is_active: chat.isActive,
    last_message: last
      ? { content: previewOf(last.content), timestamp: drfTime(last.createdAt), sender_type: last.senderType }
      : null,
  };
}

export function toCompatBuyerChat(chat: ChatRecord): z.input<typeof CompatBuyerChatSchema> {
  return {
    ...chatCommon(chat),
    company: chat.company.id,
    company_name: chat.company.name,
    unread_count: chat.buyerUnreadCount,
  };
}

export function toCompatCompanyChat(chat: ChatRecord): z.input<typeof CompatCompanyChatSchema> {
  return {
    ...chatCommon(chat),
    user_email: chat.buyer.email,
    user_name: buyerNameOf(chat),
    unread_count: chat.companyUnreadCount,
  };
}

export function toCompatListing(
  company: CompanyForBuyer,
): z.input<typeof CompatCompanyListingSchema>[number] {
  return {
    id: company.id,
    name: company.name,
    description: company.description,
    has_chat: company.chat !== null,
    chat_id: company.chat?.id ?? null,
    unread_count: company.chat?.unreadCount ?? 0,
  };
}
