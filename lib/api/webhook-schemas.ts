// Request and response schemas of /api/v1/company/webhooks: they parse input, shape output and
// describe the operations in the OpenAPI document.
import { z } from "zod";
import { LimitSchema } from "../pagination";
import { DbIdQuerySchema, DbIdSchema, TextSchema } from "../validation";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/event-types";

const Timestamp = z.string().describe("ISO 8601, UTC");
const EventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
const EventTypesSchema = z
  .array(EventTypeSchema)
  .min(1, "Choose at least one event type.")
  .max(WEBHOOK_EVENT_TYPES.length * 2);
const UrlSchema = TextSchema.pipe(z.string().trim().min(1, "Enter a URL.").max(2000));
const DescriptionSchema = TextSchema.pipe(z.string().trim().max(500));

export const WebhookCreateBody = z
  .object({
    company_id: z.number({ error: "company_id must be a number." }).pipe(DbIdSchema),
    url: UrlSchema.describe("http(s) URL that receives POSTs"),
    event_types: EventTypesSchema,
    description: DescriptionSchema.optional(),
  })
  .strict();

export const WebhookPatchBody = z
  .object({
    url: UrlSchema.optional(),
    event_types: EventTypesSchema.optional(),
    description: DescriptionSchema.optional(),
    enabled: z.boolean().optional().describe("true re-enables and clears the failure state"),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Give at least one of url, event_types, description, enabled.",
  });

export const WebhookListQuery = z.object({
  company_id: DbIdQuerySchema.optional(),
  limit: LimitSchema,
  cursor: z.string().max(500).optional(),
});
export const WebhookDeliveriesQuery = z.object({
  limit: LimitSchema,
  cursor: z.string().max(500).optional(),
});

export const WebhookEndpointSchema = z.object({
  id: z.number().int(),
  company_id: z.number().int(),
  url: z.string(),
  description: z.string(),
  event_types: z.array(EventTypeSchema),
  secret_hint: z.string().describe("The start and end of the secret; the whole secret is shown only once"),
  enabled: z.boolean(),
  disabled_at: Timestamp.nullable(),
  disabled_reason: z.string().nullable(),
  failing_since: Timestamp.nullable().describe("Start of the current run of failed attempts"),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().describe("whsec_…: verify signatures with it. Shown only in this answer"),
});

export const WebhookAttemptSchema = z.object({
  attempted_at: Timestamp,
  status_code: z.number().int().nullable(),
  latency_ms: z.number().int(),
  error: z.string().nullable(),
});

export const WebhookDeliverySchema = z.object({
  id: z.number().int(),
  endpoint_id: z.number().int(),
  webhook_id: z.string().describe("The webhook-id header: the same on every retry and redelivery"),
  event_type: EventTypeSchema,
  status: z.enum(["pending", "delivering", "succeeded", "failed"]),
  attempt_count: z.number().int().describe("Attempts since it was queued (or redelivered)"),
  next_attempt_at: Timestamp.nullable().describe("When pending: the next try"),
  last_status_code: z.number().int().nullable(),
  last_latency_ms: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: Timestamp,
  delivered_at: Timestamp.nullable(),
  attempts: z.array(WebhookAttemptSchema).describe("The latest attempts, newest first (at most 10)"),
});
