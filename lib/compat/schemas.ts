// Output shapes of the compatibility API: the original's serializers, field for field
// (api/chat_serializers.py of the original project). Every answer is parsed through one.
import { z } from "zod";

const Timestamp = z.string().describe("ISO 8601 UTC with microseconds and Z");
const SenderType = z.enum(["user", "company"]);

export const CompatMessageSchema = z.object({
  id: z.number().int(),
  chat: z.number().int(),
  sender_type: SenderType,
  content: z.string(),
  timestamp: Timestamp,
  is_read: z.boolean(),
});

const LastMessageSchema = z
  .object({
    content: z.string().describe("Cut to 50 characters plus '...'"),
    timestamp: Timestamp,
    sender_type: SenderType,
  })
  .nullable();

/** ChatSerializer: a chat as its buyer sees it. */
export const CompatBuyerChatSchema = z.object({
  id: z.number().int(),
  user: z.number().int(),
  company: z.number().int(),
  company_name: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
  is_active: z.boolean(),
  last_message: LastMessageSchema,
  unread_count: z.number().int().describe("The company's messages the buyer has not read"),
});

/** CompanyChatSerializer: a chat as the company side sees it. */
export const CompatCompanyChatSchema = z.object({
  id: z.number().int(),
  user: z.number().int(),
  user_email: z.string(),
  user_name: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
  is_active: z.boolean(),
  last_message: LastMessageSchema,
  unread_count: z.number().int().describe("The buyer's messages the company has not read"),
});

/** DRF's PageNumberPagination envelope. */
export const compatPageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    count: z.number().int(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });

export const CompatStartChatSchema = CompatBuyerChatSchema.extend({
  // Present only when the request carried content, as in the original.
  initial_message: CompatMessageSchema.optional(),
});

export const CompatReplySchema = z.object({ message: CompatMessageSchema, chat: CompatCompanyChatSchema });

export const CompatCompanyListingSchema = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    has_chat: z.boolean(),
    chat_id: z.number().int().nullable(),
    unread_count: z.number().int(),
  }),
);

export const CompatUnreadRowsSchema = z.array(
  z.object({ id: z.number().int(), company__name: z.string(), unread: z.number().int() }),
);

export const CompatMarkReadSchema = z.object({
  success: z.literal(true),
  messages_marked_read: z.number().int(),
});

export const CompatTokenPairSchema = z.object({ access: z.string(), refresh: z.string() });

const RegisteredUser = z.object({ id: z.number().int(), email: z.string(), username: z.string() });

/** The original's register answer (`success`, `message`, `user`), with the user's fields also at the top. */
export const CompatRegisteredSchema = RegisteredUser.extend({
  success: z.literal(true),
  message: z.string(),
  user: RegisteredUser,
});
