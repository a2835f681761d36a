// The webhook operations of /api/v1, for the OpenAPI document.
import { z } from "zod";
import { DbIdSchema } from "../../../validation";
import { pageOf } from "../../v1-schemas";
import {
  WebhookCreateBody,
  WebhookDeliveriesQuery,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookListQuery,
  WebhookPatchBody,
} from "../../webhook-schemas";
import type { Operation } from "../operation";

const tags = ["Webhooks"];
const common = { tags, access: "user", scope: "webhooks:manage" } as const;
const EndpointParams = z.object({ id: DbIdSchema });
const DeliveryParams = z.object({ id: DbIdSchema, delivery_id: z.number().int().positive() });
const base = "/api/v1/company/webhooks";

export const webhookOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: base,
    operationId: "listWebhookEndpoints",
    summary: "List webhook endpoints",
    description: "Endpoints of the companies the caller represents (all companies for an admin).",
    query: WebhookListQuery,
    responses: { 200: { description: "A page of endpoints", schema: pageOf(WebhookEndpointSchema) } },
  },
  {
    ...common,
    method: "post",
    path: base,
    operationId: "createWebhookEndpoint",
    summary: "Register a webhook endpoint",
    description:
      "The URL must be http(s) and, unless the server allows it, resolve to public addresses only. " +
      "Deliveries are signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) " +
      "with the secret returned here, which is shown only in this answer.",
    body: WebhookCreateBody,
    idempotent: true,
    responses: {
      201: { description: "The endpoint and its secret", schema: WebhookEndpointWithSecretSchema },
    },
  },
  {
    ...common,
    method: "get",
    path: `${base}/{id}`,
    operationId: "getWebhookEndpoint",
    summary: "One webhook endpoint",
    params: EndpointParams,
    responses: { 200: { description: "The endpoint", schema: WebhookEndpointSchema } },
  },
  {
    ...common,
    method: "patch",
    path: `${base}/{id}`,
    operationId: "updateWebhookEndpoint",
    summary: "Change, disable or re-enable a webhook endpoint",
    description:
      "`enabled: true` re-enables an endpoint (also one disabled after failing for days) and clears " +
      "its failure state; `enabled: false` stops deliveries and gives up on those still waiting.",
    params: EndpointParams,
    body: WebhookPatchBody,
    responses: { 200: { description: "The endpoint", schema: WebhookEndpointSchema } },
  },
  {
    ...common,
    method: "delete",
    path: `${base}/{id}`,
    operationId: "deleteWebhookEndpoint",
    summary: "Remove a webhook endpoint and its delivery log",
    params: EndpointParams,
    responses: { 204: { description: "Removed" } },
  },
  {
    ...common,
    method: "post",
    path: `${base}/{id}/rotate-secret`,
    operationId: "rotateWebhookSecret",
    summary: "Replace the signing secret",
    description: "The new secret is shown only in this answer; every attempt from now on is signed with it.",
    params: EndpointParams,
    responses: {
      200: { description: "The endpoint and its new secret", schema: WebhookEndpointWithSecretSchema },
    },
  },
  {
    ...common,
    method: "get",
    path: `${base}/{id}/deliveries`,
    operationId: "listWebhookDeliveries",
    summary: "The endpoint's delivery log",
    description: "Newest first, each with status, attempts, last response code and latency.",
    params: EndpointParams,
    query: WebhookDeliveriesQuery,
    responses: { 200: { description: "A page of deliveries", schema: pageOf(WebhookDeliverySchema) } },
  },
  {
    ...common,
    method: "post",
    path: `${base}/{id}/deliveries/{delivery_id}/redeliver`,
    operationId: "redeliverWebhook",
    summary: "Send a delivery again",
    description:
      "Queues it at once with the same webhook-id and body and a fresh retry schedule. 409 while an " +
      "attempt is under way or while the endpoint is disabled.",
    params: DeliveryParams,
    responses: { 202: { description: "Queued", schema: WebhookDeliverySchema } },
  },
];
