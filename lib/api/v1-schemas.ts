// Output (and shared input) schemas of the versioned API. They shape every response and,
// in a later step, generate the OpenAPI document, so the document cannot drift from the code.
import { z } from "zod";
import { LISTING_STATUSES } from "../listings/schemas";

// `format` is documentation only (no runtime cost): every time is written by toISOString().
const Timestamp = z.string().meta({ description: "ISO 8601, UTC", format: "date-time" });

export const SenderSchema = z.object({ id: z.number().int(), name: z.string() });

export const ListingStatusSchema = z
  .enum(LISTING_STATUSES)
  .describe("A sold or withdrawn listing still shows in the chats that mention it, marked as such");

export const PriceSchema = z
  .object({
    amount: z.number().describe("In the currency's units, up to two decimals"),
    currency: z.string().describe("ISO 4217, e.g. EUR"),
  })
  .nullable()
  .describe("Null: price on request");

/** What a message about a listing carries: its card. */
export const ListingSummarySchema = z.object({
  id: z.number().int(),
  external_id: z.string().describe("The company's or marketplace's own id of the listing"),
  title: z.string(),
  address: z.string(),
  url: z.string().nullable(),
  image_url: z.string().nullable(),
  price: PriceSchema,
  status: ListingStatusSchema,
});

export const ListingSchema = ListingSummarySchema.extend({
  company: z.object({ id: z.number().int(), name: z.string() }),
  attributes: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .describe("Small facts for the card: bedrooms, area, floor…"),
  created_at: z.string().meta({ description: "ISO 8601, UTC", format: "date-time" }),
  updated_at: z.string().meta({ description: "ISO 8601, UTC", format: "date-time" }),
});

export const MessageSchema = z.object({
  id: z.number().int(),
  chat_id: z.number().int(),
  sender_type: z.enum(["user", "company"]),
  sender: SenderSchema.nullable().describe("The buyer, or the representative who replied"),
  api_key: z
    .object({ id: z.number().int(), name: z.string() })
    .nullable()
    .describe("The API key it was sent with; a company key's replies have no sender"),
  content: z.string(),
  created_at: Timestamp,
  read_at: Timestamp.nullable(),
  client_message_id: z.string().nullable(),
  listing: ListingSummarySchema.nullable().describe("The listing the message asks about, shown as a card"),
  source: z
    .string()
    .nullable()
    .describe('Set when a lead posted the message for the buyer: show it as "via {source}"'),
  automatic: z
    .boolean()
    .describe(
      "Sent by the system for the company (the away message outside business hours), not by a person",
    ),
});

/** Who answers a chat (company side only). */
export const AssigneeSchema = z.object({ id: z.number().int(), name: z.string() });

export const ChatSchema = z.object({
  id: z.number().int(),
  company: z.object({ id: z.number().int(), name: z.string() }),
  buyer: z.object({ id: z.number().int(), name: z.string(), email: z.string().optional() }),
  created_at: Timestamp,
  updated_at: Timestamp,
  is_active: z.boolean(),
  last_message: MessageSchema.nullable(),
  unread_count: z.number().int().describe("Messages from the other side not yet read by the caller's side"),
  assignee: AssigneeSchema.nullable()
    .optional()
    .describe("Company side only: the representative who answers the chat, or null (the queue)"),
});

export const CompanySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  chat_id: z.number().int().nullable().describe("The caller's chat with this company"),
  unread_count: z.number().int(),
  listings: z
    .array(ListingSummarySchema)
    .describe("Its newest active listings (at most 3), to ask about with POST /api/v1/chats"),
});

export const AdminCompanySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  is_admin: z.boolean(),
  company_id: z.number().int().nullable().describe("Direct company link"),
  represented_company_ids: z.array(z.number().int()).describe("Direct link and company_{id} groups"),
});

/** GET and PATCH /api/v1/me: the person, and whether routing may give them new chats. */
export const MeSchema = UserSchema.extend({
  availability: z.enum(["available", "away"]).describe("away: routing gives you no new chats"),
});
export const MePatchSchema = z.object({ availability: z.enum(["available", "away"]) }).strict();

export const TokenSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
});

export const UnreadCountSchema = z.object({
  buyer: z.object({ total: z.number().int(), chats: z.number().int() }),
  company: z.object({ total: z.number().int(), chats: z.number().int() }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export const ChatPageSchema = pageOf(ChatSchema);
export const CompanyPageSchema = pageOf(CompanySchema);
export const AdminCompanyPageSchema = pageOf(AdminCompanySchema);
export const UserPageSchema = pageOf(UserSchema);

/** POST /api/v1/chats: the chat, and the message sent with it (if `content` was given). */
export const StartChatResultSchema = ChatSchema.extend({
  initial_message: MessageSchema.nullable().describe("The message sent with the request, if any"),
});

const StatusCount = z.object({
  total: z.number().int(),
  unread: z.number().int().describe("Chats with messages the company side has not read"),
});
export const ChatCountsSchema = z.object({
  open: StatusCount,
  closed: StatusCount,
  mine: z.number().int().describe("Open chats assigned to the caller"),
  unassigned: z.number().int().describe("Open chats assigned to nobody (the queue)"),
});

export const MessagePageSchema = z.object({
  data: z.array(MessageSchema),
  has_more: z.boolean(),
  next_cursor: z
    .string()
    .nullable()
    .describe("Pass as `before` (or as `after` when paging forward) to continue; null at the end"),
});

export const SendResultSchema = MessageSchema;
export const MarkReadSchema = z.object({ marked_read: z.number().int() });
export const HealthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["up", "down"]),
});

/** A lead as the company sees it. */
export const LeadSchema = z.object({
  id: z.number().int(),
  source: z.string().describe('Where it came from, e.g. "Zillow" or "contact form"'),
  name: z.string().describe("The name the lead gave"),
  email: z.string(),
  phone: z.string().nullable(),
  listing_id: z.number().int().nullable(),
  message_id: z.number().int(),
  created_at: z.string().meta({ description: "ISO 8601, UTC", format: "date-time" }),
});

/** An internal note: representatives' words to each other, never shown to the buyer. */
export const NoteSchema = z.object({
  id: z.number().int(),
  chat_id: z.number().int(),
  author: z
    .object({ id: z.number().int(), name: z.string() })
    .nullable()
    .describe("Null once the author's account is gone"),
  content: z.string(),
  created_at: z.string().meta({ description: "ISO 8601, UTC", format: "date-time" }),
});

export const NoteListSchema = z.object({ data: z.array(NoteSchema) });

/** A company's canned answer; `{{buyer.name}}`, `{{listing.title}}`, `{{rep.name}}` are filled on insert. */
export const SavedReplySchema = z.object({
  id: z.number().int(),
  company_id: z.number().int(),
  shortcut: z.string().describe("Typed after / in the composer: 1 to 32 of a-z, 0-9 and -"),
  content: z.string().describe("Variables the composer fills; unknown ones are kept as typed"),
  created_at: z.string().meta({ description: "ISO 8601, UTC", format: "date-time" }),
  updated_at: z.string().meta({ description: "ISO 8601, UTC", format: "date-time" }),
});

export const SavedReplyListSchema = z.object({ data: z.array(SavedReplySchema) });

const OpeningSchema = z.object({ start: z.string(), end: z.string() });
export const RoutingSettingsSchema = z.object({
  company_id: z.number().int(),
  routing: z.enum(["manual", "round_robin", "least_busy"]),
  max_open_per_rep: z
    .number()
    .int()
    .nullable()
    .describe("Open chats a representative may hold; null: no limit"),
  reassign_after_minutes: z
    .number()
    .int()
    .nullable()
    .describe("No reply from the assignee this long after assignment: the chat moves on; null: never"),
  timezone: z.string().describe("IANA time zone the business hours are in"),
  business_hours: z
    .partialRecord(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), z.array(OpeningSchema))
    .nullable()
    .describe("Spans per weekday as HH:MM; a day left out is closed; null: always open"),
  away_message: z
    .string()
    .nullable()
    .describe("Sent once per quiet spell to a buyer who writes outside hours"),
});

export const LeadResultSchema = z.object({
  chat_id: z.number().int(),
  buyer_id: z.number().int(),
  message_id: z.number().int(),
  created: z.boolean().describe("Whether this lead started the chat (false: it continued an existing one)"),
});

export const ListingPageSchema = pageOf(ListingSchema);
/** GET /api/v1/company/chats/{id}/listings: every listing asked about in the chat, newest first. */
export const ChatListingsSchema = z.object({ data: z.array(ListingSchema) });
export const ListingBulkResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int().describe("Sent exactly as stored already: left as they were"),
});
