import type { Prisma } from "../db/client";

export const EVENTS_CHANNEL = "estate_events";

export type EventType =
  | "message.created"
  | "messages.read"
  | "chat.created"
  | "chat.closed"
  | "chat.reopened";

export type NewEvent = {
  type: EventType;
  chat: { id: number; companyId: number; buyerId: number };
  payload: Prisma.InputJsonObject;
};

/** Both sides' unread counters, carried by events so clients update badges without a refetch. */
export const unreadCountsOf = (chat: { buyerUnreadCount: number; companyUnreadCount: number }) => ({
  buyer_unread_count: chat.buyerUnreadCount,
  company_unread_count: chat.companyUnreadCount,
});

/** The webhook body: Standard Webhooks' `{type, timestamp, data}`, data being the event payload. */
export const webhookBodyOf = (event: NewEvent, at: Date) =>
  JSON.stringify({ type: event.type, timestamp: at.toISOString(), data: event.payload });

/**
 * Records an event inside the caller's transaction, as its last statement. The id comes from
 * the counter row, whose lock is held until commit: events commit in id order, gap-free, so a
 * reader that has seen N can ask for "> N" and never miss a late commit. One round trip: bump
 * the counter, insert, write the webhook outbox, and NOTIFY (delivered by PostgreSQL only if and
 * when the commit happens).
 *
 * The outbox rows (one per enabled endpoint of the company subscribed to this type) commit or
 * roll back with the change itself, so a webhook is never sent for a change that did not happen
 * nor lost for one that did. Without endpoints this costs one index probe on
 * webhook_endpoints(company_id) inside the same statement.
 */
export async function appendEvent(tx: Prisma.TransactionClient, event: NewEvent): Promise<bigint> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    WITH next AS (
      UPDATE event_counter SET value = value + 1 WHERE id = 1 RETURNING value
    ), inserted AS (
      INSERT INTO events (id, type, chat_id, company_id, buyer_id, payload)
      SELECT value, ${event.type}, ${event.chat.id}, ${event.chat.companyId}, ${event.chat.buyerId},
             ${JSON.stringify(event.payload)}::jsonb
      FROM next
      RETURNING id
    ), outbox AS (
      INSERT INTO webhook_deliveries (endpoint_id, event_id, webhook_id, event_type, body)
      SELECT endpoint.id, inserted.id, 'msg_' || replace(gen_random_uuid()::text, '-', ''),
             ${event.type}, ${webhookBodyOf(event, new Date())}
      FROM webhook_endpoints endpoint, inserted
      WHERE endpoint.company_id = ${event.chat.companyId}
        AND endpoint.enabled
        AND ${event.type} = ANY (endpoint.event_types)
    )
    SELECT id, pg_notify(${EVENTS_CHANNEL}, id::text)::text AS notified FROM inserted`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("event_counter row is missing: run the migrations");
  return BigInt(id);
}
