// Request schemas of the versioned API (bodies and query strings).
import { z } from "zod";
import { CredentialsSchema, RegisterInputSchema } from "../accounts/schemas";
import { ClientMessageIdSchema, ContentSchema } from "../messages/schemas";
import { CursorQuery, LimitSchema } from "../pagination";
import { DbIdQuerySchema, DbIdSchema, isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

export const RegisterBody = RegisterInputSchema;
export const TokenBody = CredentialsSchema;
export const RefreshBody = z.object({ refresh_token: z.string().min(1).max(4096) });

const ListingIdSchema = z
  .number({ error: "listing_id must be a number." })
  .pipe(DbIdSchema)
  .describe("A listing of the chat's company the message is about");

export const SendBody = z.object({
  content: ContentSchema,
  client_message_id: ClientMessageIdSchema.optional(),
  listing_id: ListingIdSchema.optional(),
});
export const StartChatBody = z
  .object({
    company_id: z.number({ error: "company_id must be a number." }).pipe(DbIdSchema),
    content: ContentSchema.optional(),
    client_message_id: ClientMessageIdSchema.optional(),
    listing_id: ListingIdSchema.optional(),
  })
  .refine((body) => body.listing_id === undefined || body.content !== undefined, {
    path: ["content"],
    message: "Ask something about the listing: content is required with listing_id.",
  });
export const ChatPatchBody = z
  .object({
    is_active: z.boolean().describe("false closes the chat, true reopens it"),
    assignee_id: DbIdSchema.nullable().describe(
      "A representative of the chat's company; null: back to the queue",
    ),
  })
  .partial()
  .strict()
  // Named on is_active: clients written before assignment existed look for their one field.
  .refine((body) => Object.keys(body).length > 0, {
    message: "Send is_active, assignee_id or both.",
    path: ["is_active"],
  });
export const PasswordChangeBody = z.object({
  current_password: z.string().max(256),
  new_password: z.string().min(8, "Use at least 8 characters.").max(256),
});

const booleanQuery = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const SearchQuery = z.string().trim().max(100).refine(isStorableText, STORABLE_TEXT_MESSAGE);

export const CompaniesQuery = CursorQuery.extend({ q: SearchQuery.optional() });
export const CompanyChatsQuery = CursorQuery.extend({
  company_id: DbIdQuerySchema.optional(),
  is_active: booleanQuery.optional(),
  unread: booleanQuery.optional(),
  assignee: z
    .union([z.enum(["me", "none"]), DbIdQuerySchema])
    .optional()
    .describe("me: chats I answer; none: the queue; an id: that representative's"),
});
export const AdminListQuery = z.object({
  limit: LimitSchema,
  after_id: DbIdQuerySchema.optional(),
  q: SearchQuery.optional(),
});
export const ChatCountsQuery = z.object({ company_id: DbIdQuerySchema.optional() });
