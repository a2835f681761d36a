import { pageOf } from "@/lib/api/v1-schemas";
import { WebhookDeliveriesQuery, WebhookDeliverySchema } from "@/lib/api/webhook-schemas";
import { toWebhookDelivery } from "@/lib/api/webhook-serialize";
import { requireCaller } from "@/lib/http/authenticate";
import { parseId, queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

/** The endpoint's deliveries, newest first, with their latest attempts. */
export const GET = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const endpointId = parseId(params.id, "Webhook endpoint");
  const query = WebhookDeliveriesQuery.parse(queryOf(request));
  const page = await listWebhookDeliveries(actor, endpointId, query);
  return jsonResponse(pageOf(WebhookDeliverySchema), {
    data: page.items.map(toWebhookDelivery),
    next_cursor: page.nextCursor,
  });
});
