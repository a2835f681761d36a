// Domain records → versioned API shapes (snake_case, ISO times).
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Side } from "../chats/scope";
import { buyerNameOf, type ChatRecord, type MessageRecord } from "../chats/select";
import type { CompanyForBuyer } from "../companies/list-companies";
import { listingSummaryJson } from "../listings/listing-json";
import { messageJson } from "../messages/message-json";
import type { RoutingSettings } from "../routing/settings";
import type {
  ChatSchema,
  CompanySchema,
  MessageSchema,
  RoutingSettingsSchema,
  UserSchema,
} from "./v1-schemas";

/** The domain's message JSON (events carry the same), typed here by the schema it must fit. */
export const toMessage: (message: MessageRecord) => z.input<typeof MessageSchema> = messageJson;

/** A chat as one side sees it: the buyer does not need their own email echoed back. */
export function toChat(chat: ChatRecord, side: Side): z.input<typeof ChatSchema> {
  return {
    id: chat.id,
    company: chat.company,
    buyer:
      side === "company"
        ? { ...chat.buyer, name: buyerNameOf(chat) }
        : { id: chat.buyer.id, name: chat.buyer.name },
    created_at: chat.createdAt.toISOString(),
    updated_at: chat.updatedAt.toISOString(),
    is_active: chat.isActive,
    last_message: chat.lastMessage ? toMessage(chat.lastMessage) : null,
    unread_count: side === "buyer" ? chat.buyerUnreadCount : chat.companyUnreadCount,
    // Who answers is the company's business: a buyer's chat never carries it.
    ...(side === "company" ? { assignee: chat.assignee } : {}),
  };
}

export function toCompany(company: CompanyForBuyer): z.input<typeof CompanySchema> {
  return {
    id: company.id,
    name: company.name,
    description: company.description,
    chat_id: company.chat?.id ?? null,
    unread_count: company.chat?.unreadCount ?? 0,
    listings: company.listings.map(listingSummaryJson),
  };
}

export function toUser(actor: Actor): z.input<typeof UserSchema> {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    is_admin: actor.isAdmin,
    company_id: actor.directCompany?.id ?? null,
    represented_company_ids: actor.companyIds,
  };
}

export function toRoutingSettings(settings: RoutingSettings): z.input<typeof RoutingSettingsSchema> {
  return {
    company_id: settings.companyId,
    routing: settings.routing,
    max_open_per_rep: settings.maxOpenPerRep,
    reassign_after_minutes: settings.reassignAfterMinutes,
    timezone: settings.timezone,
    business_hours: settings.businessHours,
    away_message: settings.awayMessage,
  };
}
