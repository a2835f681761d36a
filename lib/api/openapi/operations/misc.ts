// The live event stream, and this document itself.
import { z } from "zod";
import { EventFrameSchema, EventFrameSchemas } from "../../v1-event-schemas";
import type { Operation } from "../operation";

const eventList = EventFrameSchemas.map(
  (frame) => `- \`${frame.shape.event.value}\`: ${frame.description ?? ""}`,
).join("\n");

const EventsQuery = z.object({
  last_event_id: z
    .string()
    .optional()
    .describe("For clients that cannot send the Last-Event-ID header: resume after this event id"),
});

// Describing this document fully would be describing OpenAPI itself: its top level is enough.
const OpenApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export const miscOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/events",
    operationId: "streamEvents",
    summary: "Live events (Server-Sent Events)",
    description:
      "One stream per tab or client, with every event the caller may see. Each frame has an " +
      "`event:` line naming its type, a `data:` line of JSON and, for stored events, an `id:` line. " +
      "Reconnect with the `Last-Event-ID` header (EventSource does it by itself) to receive exactly " +
      "what was missed, in order, once. Comment lines (`: heartbeat`) every 15 s keep proxies from " +
      `closing an idle stream. Event types:\n\n${eventList}`,
    tags: ["Live events"],
    access: "user",
    scope: "chats:read",
    query: EventsQuery,
    responses: {
      200: {
        description: "An endless stream; the schema describes one frame (`id`, `event`, `data`).",
        mediaType: "text/event-stream",
        schema: EventFrameSchema,
      },
    },
    errors: { 429: "The user has 20 streams open on this server already." },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This API description (OpenAPI 3.1)",
    description:
      "Generated from the schemas that validate requests and shape responses. Rendered at /docs/api.",
    tags: ["Meta"],
    access: "public",
    responses: {
      200: {
        description: "The OpenAPI document.",
        schema: OpenApiDocumentSchema,
      },
    },
  },
];
