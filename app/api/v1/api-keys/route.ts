import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import {
  ApiKeyListQuery,
  ApiKeyPageSchema,
  CreateApiKeyBody,
  CreatedApiKeySchema,
  expiryOf,
} from "@/lib/api-keys/schemas";
import { toApiKey } from "@/lib/api-keys/select";
import { requirePersonCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";

/** The caller's personal tokens, or with ?company_id= that company's keys. */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requirePersonCaller(request);
  const query = ApiKeyListQuery.parse(queryOf(request));
  const page = await listApiKeys(actor, {
    companyId: query.company_id,
    limit: query.limit,
    cursor: query.cursor,
  });
  return jsonResponse(ApiKeyPageSchema, { data: page.items.map(toApiKey), next_cursor: page.nextCursor });
});

/** A personal token, or with company_id a company key. The secret is in this answer only. */
export const POST = v1Route(async ({ request }) => {
  const { actor } = await requirePersonCaller(request);
  const body = await readJson(request, CreateApiKeyBody);
  const { key, token } = await createApiKey(actor, {
    name: body.name,
    scopes: body.scopes,
    companyId: body.company_id,
    expiresAt: expiryOf(body),
  });
  return jsonResponse(CreatedApiKeySchema, { ...toApiKey(key), secret: token }, { status: 201 });
});
