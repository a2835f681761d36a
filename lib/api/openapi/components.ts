// Response schemas published under their own names in components.schemas. Any other response
// schema an operation uses is published under a name made from its operationId.
import type { z } from "zod";
import { ProblemSchema } from "../../http/problem-schema";
import { EventFrameSchema } from "../v1-event-schemas";
import {
  AdminCompanyPageSchema,
  AdminCompanySchema,
  ChatCountsSchema,
  ChatPageSchema,
  ChatSchema,
  CompanyPageSchema,
  CompanySchema,
  MarkReadSchema,
  MessagePageSchema,
  MessageSchema,
  StartChatResultSchema,
  TokenSchema,
  UnreadCountSchema,
  UserPageSchema,
  UserSchema,
} from "../v1-schemas";

export const NAMED_SCHEMAS: [z.ZodType, string][] = [
  [ProblemSchema, "Problem"],
  [MessageSchema, "Message"],
  [MessagePageSchema, "MessagePage"],
  [ChatSchema, "Chat"],
  [ChatPageSchema, "ChatPage"],
  [StartChatResultSchema, "StartChatResult"],
  [ChatCountsSchema, "ChatCounts"],
  [CompanySchema, "Company"],
  [CompanyPageSchema, "CompanyPage"],
  [AdminCompanySchema, "AdminCompany"],
  [AdminCompanyPageSchema, "AdminCompanyPage"],
  [UserSchema, "User"],
  [UserPageSchema, "UserPage"],
  [TokenSchema, "Token"],
  [UnreadCountSchema, "UnreadCount"],
  [MarkReadSchema, "MarkRead"],
  [EventFrameSchema, "EventFrame"],
];
