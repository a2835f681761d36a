// Who answers a chat: routing a new chat to a representative by the company's policy, and
// recording any change of hands with its chat.assigned event. Hand-written statements run in
// the caller's transaction (lib/db/sql.ts inTransaction), the one that creates the chat or lead,
// so a chat is never seen unassigned by a policy that should have assigned it.
import "server-only";
import { COMPANY_GROUP_PREFIX } from "../auth/actor";
import { Prisma } from "../db/client";
import { enumColumn, int, nullable, text } from "../db/columns";
import type { TransactionQuery } from "../db/sql";
import { type ChatRef, eventStatement } from "../events/append-event";
import type { AssignReason, EventPayloads } from "../events/payloads";
import type { RoutingPolicy } from "../generated/prisma/enums";

/**
 * Routes a new chat by its company's policy; the representative chosen, or null (manual
 * routing, or nobody available with room).
 *
 * Race-free: the company's settings row is locked first, so two chats of one company are
 * routed one after the other, and the loads are read by the next statement, whose snapshot
 * sees every assignment committed before the lock was granted. (Inserting a chat already
 * waits on the company's totals row, lib/chats' trigger; the settings lock states the rule here
 * instead of relying on that, and also covers routing a chat that is not new.) Call it before the transaction
 * records any event: events lock their counter until commit, and waiting for the settings
 * lock while holding it would stall every writer.
 */
export async function routeNewChat(query: TransactionQuery, chat: ChatRef): Promise<number | null> {
  const [settings] = await query(
    {
      routing: enumColumn<RoutingPolicy>("routing_policy"),
      max_open_per_rep: nullable(int),
      last_assignee_id: nullable(int),
    },
    Prisma.sql`
      SELECT routing, max_open_per_rep, last_assignee_id FROM company_settings
      WHERE company_id = ${chat.companyId} AND routing <> 'manual'
      FOR UPDATE`,
  );
  if (!settings) return null;
  const order =
    settings.routing === "least_busy"
      ? Prisma.sql`load.open, load.id`
      : // Round robin: the next id after the last one chosen, wrapping around.
        Prisma.sql`load.id <= ${settings.last_assignee_id ?? 0}::int, load.id`;
  const [pick] = await query(
    { id: int },
    Prisma.sql`
      WITH load AS (
        SELECT reps.id,
               (SELECT count(*) FROM chats
                WHERE chats.assignee_id = reps.id AND chats.company_id = ${chat.companyId}
                  AND chats.is_active)::int AS open
        FROM (${representativesSql(Prisma.sql`${chat.companyId}::int`, { availableOnly: true })}) reps
      )
      SELECT load.id FROM load
      WHERE ${settings.max_open_per_rep}::int IS NULL OR load.open < ${settings.max_open_per_rep}::int
      ORDER BY ${order}
      LIMIT 1`,
  );
  if (!pick) return null;
  await query(
    { company_id: int },
    Prisma.sql`
      UPDATE company_settings SET last_assignee_id = ${pick.id}
      WHERE company_id = ${chat.companyId} RETURNING company_id`,
  );
  return pick.id;
}

/** The representatives (directly or by group) of the company `companyId` names, as rows of `id`. */
export function representativesSql(
  companyId: Prisma.Sql,
  { availableOnly }: { availableOnly: boolean },
): Prisma.Sql {
  const available = availableOnly ? Prisma.sql`AND users.availability = 'available'` : Prisma.empty;
  return Prisma.sql`
    SELECT users.id FROM users
    WHERE users.company_id = ${companyId} ${available}
    UNION
    SELECT users.id FROM groups
    JOIN group_members ON group_members.group_id = groups.id
    JOIN users ON users.id = group_members.user_id
    WHERE groups.name = ${COMPANY_GROUP_PREFIX} || (${companyId})::text ${available}`;
}

/**
 * Sets the chat's assignee (null: back to the queue) and records chat.assigned, in one
 * statement. Matches only when the assignee changes, so repeating an assignment announces
 * nothing; answers whether it changed.
 */
export async function recordAssignment(
  query: TransactionQuery,
  chat: ChatRef,
  input: { assigneeId: number | null; reason: AssignReason },
): Promise<boolean> {
  const known: Omit<EventPayloads["chat.assigned"], "assignee"> = {
    chat_id: chat.id,
    reason: input.reason,
  };
  const rows = await query(
    { chat_id: int, notified: text },
    eventStatement({
      sources: Prisma.sql`
        assigned AS (
          UPDATE chats SET assignee_id = ${input.assigneeId}::int,
                 assigned_at = CASE WHEN ${input.assigneeId}::int IS NULL THEN NULL ELSE now() END
          WHERE id = ${chat.id} AND assignee_id IS DISTINCT FROM ${input.assigneeId}::int
          RETURNING id
        ), assignee AS (
          SELECT jsonb_build_object('id', users.id, 'name', users.name) AS json
          FROM users WHERE users.id = ${input.assigneeId}::int
        ), event_source AS (
          SELECT ${chat.id}::int AS chat_id, ${chat.companyId}::int AS company_id,
                 ${chat.buyerId}::int AS buyer_id,
                 ${JSON.stringify(known)}::jsonb
                   || jsonb_build_object('assignee', (SELECT json FROM assignee)) AS payload
          FROM assigned
        )`,
      type: "chat.assigned",
      at: new Date(),
      select: Prisma.sql`${chat.id}::int AS chat_id`,
    }),
  );
  return rows.length > 0;
}
