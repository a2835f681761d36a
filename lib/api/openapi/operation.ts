// One documented operation of /api/v1. Every route file's handlers are described once here,
// from the same zod schemas that parse its input and shape its output; the OpenAPI document
// (GET /api/v1/openapi.json) is generated from these descriptions, and a test checks that the
// described operations and the route files are the same set.
import type { z } from "zod";
import type { Scope } from "../../auth/scopes";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call it: `public` anyone; `user` any signed-in person or API key holding `scope`;
 * `admin` admins only (never API keys); `person` a signed-in person, never an API key.
 */
export type Access = "public" | "user" | "admin" | "person";

export type OperationResponse = {
  description: string;
  /** The body's schema; omitted for empty answers (204, 202) and errors (problem+json). */
  schema?: z.ZodType;
  /** The body is a stream of this media type (text/event-stream) rather than JSON. */
  mediaType?: string;
};

export type Operation = {
  method: HttpMethod;
  /** OpenAPI style, e.g. "/api/v1/chats/{id}"; the route file is app/api/v1/chats/[id]/route.ts. */
  path: string;
  /** Unique, camelCase, e.g. "listChats". */
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  /** The API-key scope the operation needs (people signed in hold every scope). */
  scope?: Scope;
  /** Path parameters, e.g. z.object({ id: DbIdSchema }). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * Accepts an Idempotency-Key header (every POST that creates something); `"required"` when a
   * request without one is refused (422).
   */
  idempotent?: boolean | "required";
  /** The body's size cap when it is not the usual 64 KiB (the bulk listing sync). */
  maxBodyBytes?: number;
  /** Success answers by status; the error answers are added by the generator. */
  responses: Record<number, OperationResponse>;
  /**
   * Error answers the generator cannot infer from the rest (it adds 400/413/415/422 for a body,
   * 422 for a query, 401 unless public, 403 with a scope, 404 for path ids and admin routes):
   * status → when it happens, e.g. `{ 409: "The chat is closed." }`.
   */
  errors?: Record<number, string>;
};
