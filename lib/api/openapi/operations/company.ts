// The company side: chats of the companies the caller represents (every company for an admin).
import { MessagePageQuerySchema } from "../../../messages/list-messages";
import { ChatCountsQuery, ChatPatchBody, CompanyChatsQuery, SendBody } from "../../v1-inputs";
import {
  ChatCountsSchema,
  ChatPageSchema,
  ChatSchema,
  MarkReadSchema,
  MessagePageSchema,
  MessageSchema,
} from "../../v1-schemas";
import type { Operation } from "../operation";
import { ChatIdParams, MESSAGES_DESCRIPTION, SEND_DESCRIPTION, SEND_ERRORS } from "./shared";

const TAGS = ["Company chats"];

export const companyOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/company/chats",
    operationId: "listCompanyChats",
    summary: "Chats of the companies I represent",
    description:
      "Filter by company, open or closed, unread, and `assignee` (`me`, `none` for the queue, or a " +
      "representative's id). Each chat carries its `assignee`. Callers who represent no company get an empty list.",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    query: CompanyChatsQuery,
    responses: { 200: { description: "A page of chats.", schema: ChatPageSchema } },
  },
  {
    method: "get",
    path: "/api/v1/company/chat-counts",
    operationId: "countCompanyChats",
    summary: "Open and closed chats, and how many are unread",
    description: "The counts behind the console's filters; zeros for callers who represent no company.",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    query: ChatCountsQuery,
    responses: { 200: { description: "Counts by status.", schema: ChatCountsSchema } },
  },
  {
    method: "get",
    path: "/api/v1/company/chats/{id}",
    operationId: "getCompanyChat",
    summary: "One chat of a company I represent",
    description: "Includes the buyer's email.",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    params: ChatIdParams,
    responses: { 200: { description: "The chat.", schema: ChatSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/company/chats/{id}",
    operationId: "setCompanyChatActive",
    summary: "Close or reopen a chat, or assign it",
    description:
      "`{is_active: false}` closes the chat (both sides can no longer send), `true` reopens it. " +
      "`{assignee_id}` assigns or reassigns it to a representative of its company (`null`: back to " +
      "the queue), with a company-only `chat.assigned` event.",
    tags: TAGS,
    access: "user",
    scope: "chats:write",
    params: ChatIdParams,
    body: ChatPatchBody.meta({ examples: [{ assignee_id: 42 }, { is_active: false }] }),
    responses: { 200: { description: "The chat after the change.", schema: ChatSchema } },
    errors: { 422: "`assignee_id` names someone who does not represent the chat's company." },
  },
  {
    method: "get",
    path: "/api/v1/company/chats/{id}/messages",
    operationId: "listCompanyChatMessages",
    summary: "Messages of a company chat",
    description: MESSAGES_DESCRIPTION,
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    params: ChatIdParams,
    query: MessagePageQuerySchema,
    responses: { 200: { description: "A page of messages.", schema: MessagePageSchema } },
  },
  {
    method: "post",
    path: "/api/v1/company/chats/{id}/messages",
    operationId: "replyToChat",
    summary: "Reply to the buyer",
    description: `Records which representative wrote it. ${SEND_DESCRIPTION}`,
    tags: TAGS,
    access: "user",
    scope: "messages:write",
    params: ChatIdParams,
    body: SendBody,
    idempotent: true,
    responses: { 201: { description: "The message (also for a replayed send).", schema: MessageSchema } },
    errors: SEND_ERRORS,
  },
  {
    method: "post",
    path: "/api/v1/company/chats/{id}/read",
    operationId: "markCompanyChatRead",
    summary: "Mark the buyer's messages read",
    tags: TAGS,
    access: "user",
    scope: "messages:write",
    params: ChatIdParams,
    responses: { 200: { description: "How many messages became read.", schema: MarkReadSchema } },
  },
  {
    method: "post",
    path: "/api/v1/company/chats/{id}/typing",
    operationId: "announceCompanyChatTyping",
    summary: "Tell the buyer a representative is typing",
    description: "Throttled to one signal per person and chat every 2 s, never stored: 202 either way.",
    tags: TAGS,
    access: "user",
    scope: "messages:write",
    params: ChatIdParams,
    responses: { 202: { description: "Accepted." } },
  },
];
