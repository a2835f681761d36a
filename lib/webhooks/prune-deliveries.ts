import "server-only";
import { db } from "../db/client";

/** Finished deliveries stay in the log this long; the outbox must not grow forever. */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * Deletes up to `limit` finished deliveries (and their attempts) older than the retention.
 * For finished rows next_attempt_at holds when they finished, so the claim index serves.
 */
export async function pruneFinishedDeliveries(limit = 1_000): Promise<number> {
  return db().$executeRaw`
    DELETE FROM webhook_deliveries WHERE id IN (
      SELECT id FROM webhook_deliveries
      WHERE status IN ('succeeded', 'failed')
        AND next_attempt_at < now() - ${DELIVERY_RETENTION_DAYS} * interval '1 day'
      LIMIT ${limit}
    )`;
}
