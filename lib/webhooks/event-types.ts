import type { EventType } from "../events/payloads";

/** The events an endpoint may subscribe to: every stored event type. */
export const WEBHOOK_EVENT_TYPES = [
  "message.created",
  "chat.created",
  "messages.read",
  "chat.closed",
  "chat.reopened",
  "lead.created",
  "chat.assigned",
  "note.created",
] as const satisfies readonly EventType[];

export const WEBHOOK_EVENT_LABELS: Record<EventType, string> = {
  "message.created": "Message created",
  "chat.created": "Chat created",
  "messages.read": "Messages read",
  "chat.closed": "Chat closed",
  "chat.reopened": "Chat reopened",
  "lead.created": "Lead received",
  "chat.assigned": "Chat assigned",
  "note.created": "Note added",
};
