// Webhook records → versioned API shapes.
import type { z } from "zod";
import type { WebhookEndpointRecord } from "../webhooks/endpoint-scope";
import type { WebhookDeliveryRecord } from "../webhooks/list-webhook-deliveries";
import type { WebhookDeliverySchema, WebhookEndpointSchema } from "./webhook-schemas";

type EventType = z.input<typeof WebhookEndpointSchema>["event_types"][number];

export function toWebhookEndpoint(endpoint: WebhookEndpointRecord): z.input<typeof WebhookEndpointSchema> {
  return {
    id: endpoint.id,
    company_id: endpoint.companyId,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.eventTypes as EventType[],
    secret_hint: endpoint.secretHint,
    enabled: endpoint.enabled,
    disabled_at: endpoint.disabledAt?.toISOString() ?? null,
    disabled_reason: endpoint.disabledReason,
    failing_since: endpoint.failingSince?.toISOString() ?? null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}

export function toWebhookDelivery(delivery: WebhookDeliveryRecord): z.input<typeof WebhookDeliverySchema> {
  return {
    id: Number(delivery.id),
    endpoint_id: delivery.endpointId,
    webhook_id: delivery.webhookId,
    event_type: delivery.eventType as EventType,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.status === "pending" ? delivery.nextAttemptAt.toISOString() : null,
    last_status_code: delivery.lastStatusCode,
    last_latency_ms: delivery.lastLatencyMs,
    last_error: delivery.lastError,
    created_at: delivery.createdAt.toISOString(),
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
    attempts: delivery.attempts.map((attempt) => ({
      attempted_at: attempt.attemptedAt.toISOString(),
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      error: attempt.error,
    })),
  };
}
