import { WebhookEndpointWithSecretSchema } from "@/lib/api/webhook-schemas";
import { toWebhookEndpoint } from "@/lib/api/webhook-serialize";
import { requireCaller } from "@/lib/http/authenticate";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

/** A new signing secret, shown this once; the old one stops being used at once. */
export const POST = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const { endpoint, secret } = await rotateWebhookSecret(actor, parseId(params.id, "Webhook endpoint"));
  return jsonResponse(WebhookEndpointWithSecretSchema, { ...toWebhookEndpoint(endpoint), secret });
});
