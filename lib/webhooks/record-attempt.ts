// What happened to one attempt: logged, then the delivery moves on (succeeded, retry later, or
// failed for good) and the endpoint's failure run starts, continues or ends. An endpoint that
// has failed without a single success for WEBHOOK_DISABLE_AFTER is disabled.
import "server-only";
import { db, type Prisma } from "../db/client";
import { env } from "../env";
import type { ClaimedDelivery } from "./claim-deliveries";
import { failOpenDeliveries } from "./fail-open-deliveries";
import type { AttemptOutcome } from "./post-webhook";
import { retryDelayMs } from "./retry-schedule";

const succeeded = (outcome: AttemptOutcome) =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;

/** The error column: why it failed, in a line. */
function errorOf(outcome: AttemptOutcome): string | null {
  if (succeeded(outcome)) return null;
  return outcome.error ?? `HTTP ${outcome.statusCode}`;
}

export async function recordAttempt(claimed: ClaimedDelivery, outcome: AttemptOutcome, now = new Date()) {
  const ok = succeeded(outcome);
  const error = errorOf(outcome);
  const delay = ok ? null : retryDelayMs(claimed.attemptCount, env.WEBHOOK_RETRY_DELAYS);
  await db().$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: claimed.id,
        attemptedAt: now,
        statusCode: outcome.statusCode,
        latencyMs: outcome.latencyMs,
        error,
      },
    });
    // Only while the row is still this attempt's: a sender whose lease ran out (and whose row
    // another sender took over) must not overwrite the newer attempt's state.
    await tx.webhookDelivery.updateMany({
      where: { id: claimed.id, status: "delivering", attemptCount: claimed.attemptCount },
      data: {
        status: ok ? "succeeded" : delay === null ? "failed" : "pending",
        nextAttemptAt: delay === null ? now : new Date(now.getTime() + delay),
        deliveredAt: ok ? now : undefined,
        lastStatusCode: outcome.statusCode,
        lastLatencyMs: outcome.latencyMs,
        lastError: error,
      },
    });
    if (ok) {
      await tx.webhookEndpoint.updateMany({
        where: { id: claimed.endpointId, failingSince: { not: null } },
        data: { failingSince: null },
      });
    } else {
      await noteFailure(tx, claimed.endpointId, now);
    }
  });
}

async function noteFailure(tx: Prisma.TransactionClient, endpointId: number, now: Date) {
  await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, failingSince: null },
    data: { failingSince: now },
  });
  const cutoff = new Date(now.getTime() - env.WEBHOOK_DISABLE_AFTER);
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true, failingSince: { lte: cutoff } },
    data: {
      enabled: false,
      disabledAt: now,
      disabledReason: `Deliveries failed without a success for more than ${describeSpan(env.WEBHOOK_DISABLE_AFTER)}. Fix the receiver, then enable the endpoint again.`,
    },
  });
  if (count > 0) await failOpenDeliveries(tx, endpointId, "endpoint disabled after failing for too long");
}

function describeSpan(ms: number): string {
  for (const [unit, size] of [
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
  ] as const) {
    if (ms >= size) {
      const count = Math.round((ms / size) * 10) / 10;
      return `${count} ${unit}${count === 1 ? "" : "s"}`;
    }
  }
  return `${Math.round(ms / 1000)} seconds`;
}
