// The frames of GET /api/v1/events, for the OpenAPI document and its docs page. The stream itself
// is written by lib/realtime/event-stream.ts from the payloads lib/ stores (appendEvent); the HTTP
// test tests/http/openapi.test.ts validates real frames against these schemas, and the payload
// types the writers use (lib/events/payloads.ts) must equal them (below), so they cannot drift.
import { z } from "zod";
import type { EventPayloads, EventType } from "../events/payloads";
import type { AccessLost } from "../realtime/stream-access";
import { AssigneeSchema, LeadSchema, MessageSchema, NoteSchema } from "./v1-schemas";

const Side = z.enum(["buyer", "company"]);
const EventId = z.string().regex(/^\d+$/).describe("Resume after it with Last-Event-ID");
const UnreadCounts = {
  buyer_unread_count: z.number().int().describe("The buyer's unread messages in this chat, after the change"),
  company_unread_count: z.number().int().describe("The company side's unread messages, after the change"),
};

/** A stored event's data: its id and type again, then what happened. */
const stored = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) =>
  z
    .object({
      id: EventId,
      event: z.literal(type),
      data: z.object({ id: EventId, type: z.literal(type), chat_id: z.number().int(), ...shape }),
    })
    .describe(description);

export const EventFrameSchemas = [
  z
    .object({
      id: EventId,
      event: z.literal("ready"),
      data: z.object({ position: EventId.describe("The newest event id at the time of connecting") }),
    })
    .describe("First frame of a stream: live from here (after any missed events, which follow it)."),
  z
    .object({
      id: EventId,
      event: z.literal("resync"),
      data: z.object({ reason: z.enum(["unknown_position", "too_far_behind"]) }),
    })
    .describe(
      "Instead of `ready` when the missed events cannot be replayed (Last-Event-ID unknown, older than " +
        "7 days or over 1,000 events behind): refetch what you show, then carry on from this frame.",
    ),
  stored(
    "message.created",
    { message: MessageSchema, ...UnreadCounts },
    "A message was sent in a chat you see (by either side).",
  ),
  stored(
    "messages.read",
    {
      reader: Side.describe("The side that read the other side's messages"),
      count: z.number().int().describe("How many messages became read"),
      read_at: z.string().meta({ format: "date-time" }),
      ...UnreadCounts,
    },
    "One side read the other side's messages (read receipts).",
  ),
  stored("chat.created", {}, "A buyer started a chat."),
  stored("chat.closed", { is_active: z.literal(false) }, "The company side closed the chat."),
  stored("chat.reopened", { is_active: z.literal(true) }, "The company side reopened the chat."),
  stored(
    "lead.created",
    { lead: LeadSchema },
    "A lead from a portal or a contact form arrived (company side only; its message comes as message.created).",
  ),
  stored(
    "chat.assigned",
    {
      assignee: AssigneeSchema.nullable().describe("Who answers the chat now; null: back in the queue"),
      reason: z
        .enum(["manual", "routing", "reassigned", "unlinked"])
        .describe(
          "A person assigned it; routing did when it arrived; the assignee did not reply in time; or " +
            "the assignee no longer represents the company",
        ),
    },
    "The chat changed hands (company side only).",
  ),
  stored("note.created", { note: NoteSchema }, "A representative left an internal note (company side only)."),
  z
    .object({
      event: z.literal("access.changed"),
      data: z.object({
        is_admin: z.boolean(),
        company_ids: z.array(z.number().int()).describe("The companies you now answer for"),
      }),
    })
    .describe(
      "What you may see changed while the stream was open (a company link, a group membership or admin " +
        "rights were granted or taken away): the stream goes on with the new access; refetch your lists. " +
        "Not stored, no id.",
    ),
  z
    .object({
      event: z.literal("access.revoked"),
      data: z.object({
        reason: z
          .enum(["signed_out", "key_revoked", "scope_removed", "expired"])
          .describe(
            "The session was revoked or signed out, the key revoked or re-scoped, or the token expired",
          ),
      }),
    })
    .describe(
      "The credential the stream was opened with no longer works; this is the last frame. Do not " +
        "reconnect with it: sign in again or use another key. Not stored, no id.",
    ),
  z
    .object({
      event: z.literal("typing"),
      data: z.object({
        chat_id: z.number().int(),
        buyer_id: z.number().int(),
        company_id: z.number().int(),
        side: Side.describe("Who is typing: the buyer, or a representative for the company"),
        user: z.object({ id: z.number().int(), name: z.string() }),
      }),
    })
    .describe(
      "The other side is typing (throttled to one per person and chat every 2 s; not stored, no id).",
    ),
] as const;

/** One frame of the stream: `id:` (when stored), `event:` and `data:` (JSON) lines. */
export const EventFrameSchema = z.discriminatedUnion("event", EventFrameSchemas);
export type EventFrame = z.infer<typeof EventFrameSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T extends Record<EventType, true>> = T;
/** Fails to compile when what a writer records differs from the frame documented for it. */
export type PayloadsAreDocumented = AllTrue<{
  [T in EventType]: Same<
    EventPayloads[T] & { id: string; type: T },
    Extract<EventFrame, { event: T }>["data"]
  >;
}>;

/** Fails to compile when the stream can end for a reason the document does not list. */
export type AccessLostIsDocumented =
  Same<AccessLost, Extract<EventFrame, { event: "access.revoked" }>["data"]["reason"]> extends true
    ? true
    : never;
const accessLostIsDocumented: AccessLostIsDocumented = true;
void accessLostIsDocumented;
