// The buyer's side: the company directory, my chats and their messages.
import { MessagePageQuerySchema } from "../../../messages/list-messages";
import { CursorQuery } from "../../../pagination";
import { CompaniesQuery, SendBody, StartChatBody } from "../../v1-inputs";
import {
  ChatPageSchema,
  ChatSchema,
  CompanyPageSchema,
  MarkReadSchema,
  MessagePageSchema,
  MessageSchema,
  StartChatResultSchema,
  UnreadCountSchema,
} from "../../v1-schemas";
import type { Operation } from "../operation";
import { ChatIdParams, MESSAGES_DESCRIPTION, SEND_DESCRIPTION, SEND_ERRORS } from "./shared";

const TAGS = ["Buyer chats"];

export const chatOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/companies",
    operationId: "listCompanies",
    summary: "Company directory",
    description:
      "Every company, with the caller's `chat_id` and `unread_count` for each. `q` searches names.",
    tags: ["Companies"],
    access: "user",
    scope: "chats:read",
    query: CompaniesQuery,
    responses: { 200: { description: "A page of companies.", schema: CompanyPageSchema } },
  },
  {
    method: "get",
    path: "/api/v1/unread-count",
    operationId: "getUnreadCount",
    summary: "Unread totals, as buyer and as company side",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    responses: { 200: { description: "Unread messages and chats.", schema: UnreadCountSchema } },
  },
  {
    method: "get",
    path: "/api/v1/chats",
    operationId: "listChats",
    summary: "My chats",
    description: "Most recently active first.",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    query: CursorQuery,
    responses: { 200: { description: "A page of chats.", schema: ChatPageSchema } },
  },
  {
    method: "post",
    path: "/api/v1/chats",
    operationId: "startChat",
    summary: "Start (or get) my chat with a company",
    description:
      "Get-or-create: 201 when the chat is new, 200 when it existed. `content`, when given, is sent " +
      "as a message either way. With `listing_id` (a listing of that company; `content` required) " +
      "the message asks about the listing, which the company then sees with the chat.",
    tags: TAGS,
    access: "user",
    scope: "chats:write",
    body: StartChatBody,
    idempotent: true,
    responses: {
      200: { description: "The chat existed.", schema: StartChatResultSchema },
      201: { description: "The chat was created.", schema: StartChatResultSchema },
    },
    errors: {
      404: "No company has this id, or `listing_id` names no listing of it.",
      409: "The chat is closed and `content` was given.",
    },
  },
  {
    method: "get",
    path: "/api/v1/chats/{id}",
    operationId: "getChat",
    summary: "One of my chats",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    params: ChatIdParams,
    responses: { 200: { description: "The chat.", schema: ChatSchema } },
  },
  {
    method: "get",
    path: "/api/v1/chats/{id}/messages",
    operationId: "listChatMessages",
    summary: "Messages of my chat",
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
    path: "/api/v1/chats/{id}/messages",
    operationId: "sendChatMessage",
    summary: "Send a message to the company",
    description: SEND_DESCRIPTION,
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
    path: "/api/v1/chats/{id}/read",
    operationId: "markChatRead",
    summary: "Mark the company's messages read",
    tags: TAGS,
    access: "user",
    scope: "messages:write",
    params: ChatIdParams,
    responses: { 200: { description: "How many messages became read.", schema: MarkReadSchema } },
  },
  {
    method: "post",
    path: "/api/v1/chats/{id}/typing",
    operationId: "announceChatTyping",
    summary: "Tell the company I am typing",
    description: "Throttled to one signal per person and chat every 2 s, never stored: 202 either way.",
    tags: TAGS,
    access: "user",
    scope: "messages:write",
    params: ChatIdParams,
    responses: { 202: { description: "Accepted." } },
  },
];
