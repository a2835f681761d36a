import { WebhookDeliverySchema } from "@/lib/api/webhook-schemas";
import { toWebhookDelivery } from "@/lib/api/webhook-serialize";
import { requireCaller } from "@/lib/http/authenticate";
import { parseBigId, parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

/** Queues the delivery again with the same webhook-id: 202, it goes out within a poll interval. */
export const POST = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const endpointId = parseId(params.id, "Webhook endpoint");
  const delivery = await redeliverWebhook(
    actor,
    endpointId,
    parseBigId(params.delivery_id, "Webhook delivery"),
  );
  return jsonResponse(WebhookDeliverySchema, toWebhookDelivery(delivery), { status: 202 });
});
