// Documented operations of /api/v1/api-keys (see ../operation.ts).
import { z } from "zod";
import {
  ApiKeyListQuery,
  ApiKeyPageSchema,
  CreateApiKeyBody,
  CreatedApiKeySchema,
} from "../../../api-keys/schemas";
import { DbIdSchema } from "../../../validation";
import type { Operation } from "../operation";

const tags = ["API keys"];

export const apiKeyOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/api-keys",
    operationId: "listApiKeys",
    summary: "List your personal access tokens, or a company's keys",
    description:
      "Without company_id: the caller's personal access tokens. With company_id: that company's keys " +
      "(its representatives and admins; anyone else gets 404). Revoked keys are listed too. Secrets are never shown.",
    tags,
    access: "person",
    query: ApiKeyListQuery,
    responses: { 200: { description: "A page of keys, newest first", schema: ApiKeyPageSchema } },
  },
  {
    method: "post",
    path: "/api/v1/api-keys",
    operationId: "createApiKey",
    summary: "Create an API key",
    description:
      "Without company_id: a personal access token (prefix esp_) acting as you within its scopes. " +
      "With company_id: a company key (prefix esk_) acting as that company's side only. The response's " +
      "`secret` is the whole token and is shown only here: only its hash is stored. Use it as " +
      "`Authorization: Bearer <secret>`. Not replayable with Idempotency-Key (the answer holds the secret).",
    tags,
    access: "person",
    body: CreateApiKeyBody,
    responses: { 201: { description: "The key, with its secret (once)", schema: CreatedApiKeySchema } },
  },
  {
    method: "delete",
    path: "/api/v1/api-keys/{id}",
    operationId: "revokeApiKey",
    summary: "Revoke an API key",
    description:
      "The owner revokes a personal token; a company's representatives or an admin revoke its keys. " +
      "Its next request is a 401. Anyone else's key is 404.",
    tags,
    access: "person",
    params: z.object({ id: DbIdSchema }),
    responses: { 204: { description: "Revoked" } },
  },
];
