// The worker's claim. One statement: pick due rows with FOR UPDATE SKIP LOCKED (instances
// claiming at the same moment skip each other's rows instead of waiting or doubling up),
// lease them (status `delivering`, due again only when the lease ends) and count the attempt.
// It commits before anything is sent, so no transaction stays open during HTTP.
import "server-only";
import { db } from "../db/client";

export type ClaimedDelivery = {
  id: bigint;
  endpointId: number;
  webhookId: string;
  body: string;
  /** This attempt's number; the result is recorded only if the row still carries it. */
  attemptCount: number;
  url: string;
  secretEncrypted: string;
};

export async function claimDueDeliveries(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return db().$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT delivery.id
      FROM webhook_deliveries delivery
      JOIN webhook_endpoints endpoint ON endpoint.id = delivery.endpoint_id AND endpoint.enabled
      WHERE delivery.status IN ('pending', 'delivering') AND delivery.next_attempt_at <= now()
      ORDER BY delivery.next_attempt_at
      LIMIT ${limit}
      FOR UPDATE OF delivery SKIP LOCKED
    )
    UPDATE webhook_deliveries delivery
    SET status = 'delivering',
        attempt_count = delivery.attempt_count + 1,
        next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
    FROM due, webhook_endpoints endpoint
    WHERE delivery.id = due.id AND endpoint.id = delivery.endpoint_id
    RETURNING delivery.id, delivery.endpoint_id AS "endpointId", delivery.webhook_id AS "webhookId",
              delivery.body, delivery.attempt_count AS "attemptCount", endpoint.url,
              endpoint.secret_encrypted AS "secretEncrypted"`;
}
