// The OpenAPI 3.1 document of /api/v1, generated from the operation descriptions (operations/)
// and the zod schemas they share with the route handlers. Served at GET /api/v1/openapi.json and
// rendered at /docs/api.
import type { z } from "zod";
import packageJson from "../../../package.json";
import { ClientMessageIdSchema } from "../../messages/schemas";
import { NAMED_SCHEMAS } from "./components";
import { errorAnswersOf } from "./error-answers";
import { componentRef, type JsonSchema, requestJsonSchema, responseComponents } from "./json-schema";
import type { Operation } from "./operation";
import { operations as allOperations } from "./operations";
import { ACCESS_DESCRIPTIONS, SECURITY_SCHEMES, securityOf } from "./security";
import { TAG_DESCRIPTIONS } from "./tags";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: typeof SECURITY_SCHEMES;
    parameters: Record<string, JsonSchema>;
    headers: Record<string, JsonSchema>;
  };
  security: Record<string, string[]>[];
};

const JSON_TYPE = "application/json";
const PROBLEM_TYPE = "application/problem+json";

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** Every response schema gets a component name: its own, or one made from the operation. */
function nameResponseSchemas(operations: Operation[]): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>(NAMED_SCHEMAS);
  for (const operation of operations) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response.schema && !names.has(response.schema)) {
        names.set(response.schema, `${pascal(operation.operationId)}${status}`);
      }
    }
  }
  return names;
}

/** The properties of a params or query object as OpenAPI parameters. */
function parametersOf(schema: z.ZodObject | undefined, location: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = requestJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

function successAnswer(operation: Operation, status: number, names: Map<z.ZodType, string>): JsonSchema {
  const response = operation.responses[status];
  if (!response) throw new Error(`${operation.operationId}: no response ${status}`);
  const headers: Record<string, unknown> = { "X-Request-Id": { $ref: "#/components/headers/RequestId" } };
  if (operation.idempotent)
    headers["Idempotent-Replayed"] = { $ref: "#/components/headers/IdempotentReplayed" };
  const name = response.schema ? names.get(response.schema) : undefined;
  return {
    description: response.description,
    headers,
    ...(name ? { content: { [response.mediaType ?? JSON_TYPE]: { schema: componentRef(name) } } } : {}),
  };
}

function errorAnswer(status: number, reasons: string[]): JsonSchema {
  const headers: Record<string, unknown> = { "X-Request-Id": { $ref: "#/components/headers/RequestId" } };
  if (status === 401)
    headers["WWW-Authenticate"] = { schema: { type: "string", const: 'Bearer realm="api"' } };
  return {
    description: reasons.join(" "),
    headers,
    content: { [PROBLEM_TYPE]: { schema: componentRef("Problem") } },
  };
}

function describeAccess(operation: Operation): string {
  const scope = operation.scope ? ` API keys need the \`${operation.scope}\` scope.` : "";
  return `**Access:** ${ACCESS_DESCRIPTIONS[operation.access]}${scope}`;
}

function operationObject(operation: Operation, names: Map<z.ZodType, string>): JsonSchema {
  const streams = Object.values(operation.responses).some((r) => r.mediaType === "text/event-stream");
  const parameters = [
    ...parametersOf(operation.params, "path"),
    ...parametersOf(operation.query, "query"),
    ...(operation.idempotent === "required"
      ? [{ $ref: "#/components/parameters/RequiredIdempotencyKey" }]
      : operation.idempotent
        ? [{ $ref: "#/components/parameters/IdempotencyKey" }]
        : []),
    ...(streams ? [{ $ref: "#/components/parameters/LastEventId" }] : []),
  ];
  const responses: Record<string, JsonSchema> = {};
  for (const status of Object.keys(operation.responses).map(Number)) {
    responses[status] = successAnswer(operation, status, names);
  }
  for (const [status, reasons] of errorAnswersOf(operation)) responses[status] = errorAnswer(status, reasons);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, describeAccess(operation)].filter(Boolean).join("\n\n"),
    tags: operation.tags,
    security: securityOf(operation),
    "x-access": operation.access,
    ...(operation.scope ? { "x-required-scope": operation.scope } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { [JSON_TYPE]: { schema: requestJsonSchema(operation.body) } },
          },
        }
      : {}),
    responses,
  };
}

function tagsOf(operations: Operation[]): OpenApiDocument["tags"] {
  const names = [...new Set(operations.flatMap((operation) => operation.tags))];
  return names.map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
}

export function buildOpenApiDocument(operations: Operation[] = allOperations): OpenApiDocument {
  const names = nameResponseSchemas(operations);
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of operations) {
    const item = paths[operation.path] ?? {};
    paths[operation.path] = item;
    if (item[operation.method]) throw new Error(`${operation.method} ${operation.path} is described twice`);
    item[operation.method] = operationObject(operation, names);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Estate Chat API",
      version: packageJson.version,
      description:
        "Buyers chat with real-estate companies; representatives answer for their companies. JSON in " +
        "snake_case, times in ISO 8601 UTC, errors as RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    tags: tagsOf(operations),
    paths,
    components: {
      schemas: responseComponents(names),
      securitySchemes: SECURITY_SCHEMES,
      parameters: {
        IdempotencyKey: idempotencyKeyParameter(false),
        RequiredIdempotencyKey: idempotencyKeyParameter(true),
        LastEventId: {
          name: "Last-Event-ID",
          in: "header",
          required: false,
          description: "Resume after this event id (EventSource sends it by itself when it reconnects).",
          schema: { type: "string" },
        },
      },
      headers: {
        RequestId: {
          description: "The request's id (yours, if you sent a valid X-Request-Id); quote it in reports.",
          schema: { type: "string" },
        },
        IdempotentReplayed: {
          description: "`true` when this answer repeats an earlier request with the same idempotency key.",
          schema: { type: "string", const: "true" },
        },
      },
    },
    security: [{ accessToken: [] }, { session: [] }],
  };
}

function idempotencyKeyParameter(required: boolean): JsonSchema {
  return {
    name: "Idempotency-Key",
    in: "header",
    required,
    description:
      "Makes retries safe: a repeat with the same key returns the first result (with " +
      "`Idempotent-Replayed: true`) instead of doing it again." +
      (required ? " Required here: a request without one is refused (422)." : ""),
    schema: requestJsonSchema(ClientMessageIdSchema),
  };
}

let cached: OpenApiDocument | undefined;

/** The document, built once per process (it depends only on code). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
