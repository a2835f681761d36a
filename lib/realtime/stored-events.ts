// Reading stored events: what a stream catches up on, and what the hub fans out.
import "server-only";
import type { Actor } from "../auth/actor";
import { eventScope } from "../chats/scope";
import { db, type Prisma } from "../db/client";

export type StoredEvent = {
  id: bigint;
  type: string;
  buyerId: number;
  companyId: number;
  companyOnly: boolean;
  payload: Prisma.JsonValue;
};

const select = {
  id: true,
  type: true,
  buyerId: true,
  companyId: true,
  companyOnly: true,
  payload: true,
} as const;

/** The newest committed event id (every id up to it is committed: see appendEvent). */
export async function currentEventPosition(): Promise<bigint> {
  const counter = await db().eventCounter.findUnique({ where: { id: 1 }, select: { value: true } });
  return counter?.value ?? 0n;
}

/** The oldest event still kept; resuming from before it cannot be exact. */
export async function oldestEventId(): Promise<bigint | null> {
  const oldest = await db().event.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  return oldest?.id ?? null;
}

/**
 * Every event after `afterId`, whoever may see it: for the hub, which filters per stream
 * (seesEvent in lib/chats/scope.ts). Nothing else may use it.
 */
export function unsafeReadAllEventsAfter(afterId: bigint, take: number): Promise<StoredEvent[]> {
  return db().event.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take, select });
}

/** The events after `afterId` this actor may see, for one stream's catch-up. */
export function readVisibleEventsAfter(actor: Actor, afterId: bigint, take: number): Promise<StoredEvent[]> {
  return db().event.findMany({
    where: { id: { gt: afterId }, ...eventScope(actor) },
    orderBy: { id: "asc" },
    take,
    select,
  });
}

export const EVENT_RETENTION_DAYS = 7;

/** Drops events older than the retention window; streams resuming from before it resync. */
export async function pruneOldEvents(): Promise<number> {
  const cutoff = new Date(Date.now() - EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db().event.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
