import type { z } from "zod";
import type {
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "@/lib/api/webhook-schemas";

// The webhook API's shapes as types only: no schema code reaches the browser.
export type ApiWebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export type ApiWebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;
export type ApiWebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
