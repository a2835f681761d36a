import { notFound } from "@/lib/errors";
import { v1Route } from "@/lib/http/route";

// Any path under /api/v1 that no route serves, and /api/v1 itself (the catch-all is optional):
// a problem+json 404, never the HTML page.
const unknownPath = v1Route(async () => {
  throw notFound("API endpoint");
});

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
