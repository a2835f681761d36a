import { WebhookEndpointSchema, WebhookPatchBody } from "@/lib/api/webhook-schemas";
import { toWebhookEndpoint } from "@/lib/api/webhook-serialize";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpointOrThrow } from "@/lib/webhooks/get-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

export const GET = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const endpoint = await getWebhookEndpointOrThrow(actor, parseId(params.id, "Webhook endpoint"));
  return jsonResponse(WebhookEndpointSchema, toWebhookEndpoint(endpoint));
});

/** Changes url, event_types, description; `enabled: true` re-enables and clears the failure state. */
export const PATCH = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const endpointId = parseId(params.id, "Webhook endpoint");
  const body = await readJson(request, WebhookPatchBody);
  const endpoint = await updateWebhookEndpoint(actor, endpointId, {
    url: body.url,
    eventTypes: body.event_types,
    description: body.description,
    enabled: body.enabled,
  });
  return jsonResponse(WebhookEndpointSchema, toWebhookEndpoint(endpoint));
});

export const DELETE = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  await deleteWebhookEndpoint(actor, parseId(params.id, "Webhook endpoint"));
  return new Response(null, { status: 204 });
});
