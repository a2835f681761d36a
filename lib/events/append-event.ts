import "server-only";
import { Prisma } from "../db/client";
import { int, text } from "../db/columns";
import type { TransactionQuery } from "../db/sql";
import { COMPANY_ONLY_EVENT_TYPES, type EventPayloads, type EventType } from "./payloads";

export const EVENTS_CHANNEL = "estate_events";

/** The chat an event is about, with the parties that decide who sees it. */
export type ChatRef = { id: number; companyId: number; buyerId: number };

/** An event to record; its type decides the shape of its payload. */
export type NewEvent = {
  [T in EventType]: {
    type: T;
    chat: ChatRef;
    payload: EventPayloads[T];
  };
}[EventType];

/**
 * The statement that records an event, for callers that make the change in the same statement
 * (lib/messages/send-message.ts). `sources` are CTEs ending in one named `event_source` with
 * the columns chat_id, company_id, buyer_id and payload (jsonb); when it has no row, nothing is
 * recorded and the counter does not move. `select` picks the answer's columns; the event's id is
 * `recorded_event.id`.
 *
 * The id comes from the counter row, whose lock is held until commit: events commit in id order,
 * gap-free, so a reader that has seen N can ask for "> N" and never miss a late commit. The
 * statement also writes the webhook outbox and NOTIFYs (delivered by PostgreSQL only if and when
 * the commit happens). The outbox rows (one per enabled endpoint of the company subscribed to
 * this type) commit or roll back with the change itself, so a webhook is never sent for a change
 * that did not happen nor lost for one that did. Without endpoints this costs one index probe on
 * webhook_endpoints(company_id). The webhook body is Standard Webhooks' `{type, timestamp,
 * data}`, data being the payload.
 */
export function eventStatement(input: {
  sources: Prisma.Sql;
  type: EventType;
  at: Date;
  select: Prisma.Sql;
}): Prisma.Sql {
  const { sources, type, at, select } = input;
  return Prisma.sql`
    WITH ${sources},
    next_event AS (
      UPDATE event_counter SET value = value + 1
      WHERE id = 1 AND EXISTS (SELECT FROM event_source)
      RETURNING value
    ), recorded_event AS (
      INSERT INTO events (id, type, chat_id, company_id, buyer_id, payload, company_only)
      SELECT next_event.value, ${type}, source.chat_id, source.company_id, source.buyer_id, source.payload,
             ${COMPANY_ONLY_EVENT_TYPES.has(type)}
      FROM next_event, event_source source
      RETURNING id
    ), webhook_outbox AS (
      INSERT INTO webhook_deliveries (endpoint_id, event_id, webhook_id, event_type, body)
      SELECT endpoint.id, recorded_event.id, 'msg_' || replace(gen_random_uuid()::text, '-', ''), ${type},
             json_build_object('type', ${type}::text, 'timestamp', ${at.toISOString()}::text,
                               'data', source.payload)::text
      FROM webhook_endpoints endpoint, recorded_event, event_source source
      WHERE endpoint.company_id = source.company_id
        AND endpoint.enabled
        AND ${type} = ANY (endpoint.event_types)
    )
    SELECT ${select}, pg_notify(${EVENTS_CHANNEL}, recorded_event.id::text)::text AS notified
    FROM recorded_event`;
}

/** Records an event inside the caller's transaction, as its last statement (see eventStatement). */
export async function appendEvent(tx: Prisma.TransactionClient, event: NewEvent): Promise<bigint> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>(
    singleEventStatement(event, Prisma.sql`recorded_event.id`),
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("event_counter row is missing: run the migrations");
  return BigInt(id);
}

/** appendEvent for a transaction of hand-written statements (lib/db/sql.ts inTransaction). */
export async function appendEventIn(query: TransactionQuery, event: NewEvent): Promise<void> {
  // The id is not needed here, and int8 reads differently per driver: answer a constant.
  await query({ recorded: int, notified: text }, singleEventStatement(event, Prisma.sql`1 AS recorded`));
}

function singleEventStatement(event: NewEvent, select: Prisma.Sql): Prisma.Sql {
  return eventStatement({
    sources: Prisma.sql`event_source AS (
      SELECT ${event.chat.id}::int AS chat_id, ${event.chat.companyId}::int AS company_id,
             ${event.chat.buyerId}::int AS buyer_id, ${JSON.stringify(event.payload)}::jsonb AS payload
    )`,
    type: event.type,
    at: new Date(),
    select,
  });
}
