import { openApiDocument } from "@/lib/api/openapi/document";
import { v1Route } from "@/lib/http/route";

/** The OpenAPI 3.1 document: public, and the same for everyone until the next deploy. */
export const GET = v1Route(async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
