import { pageOf } from "@/lib/api/v1-schemas";
import {
  WebhookCreateBody,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookListQuery,
} from "@/lib/api/webhook-schemas";
import { toWebhookEndpoint } from "@/lib/api/webhook-serialize";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

/** Webhook endpoints of the companies the caller represents (every company for an admin). */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const query = WebhookListQuery.parse(queryOf(request));
  const page = await listWebhookEndpoints(actor, {
    companyId: query.company_id,
    limit: query.limit,
    cursor: query.cursor,
  });
  return jsonResponse(pageOf(WebhookEndpointSchema), {
    data: page.items.map(toWebhookEndpoint),
    next_cursor: page.nextCursor,
  });
});

/** Registers an endpoint; the answer carries the signing secret, shown this once. */
export const POST = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "webhooks:manage");
  const body = await readJson(request, WebhookCreateBody);
  const { endpoint, secret } = await createWebhookEndpoint(actor, {
    companyId: body.company_id,
    url: body.url,
    eventTypes: body.event_types,
    description: body.description,
  });
  return jsonResponse(
    WebhookEndpointWithSecretSchema,
    { ...toWebhookEndpoint(endpoint), secret },
    { status: 201 },
  );
});
