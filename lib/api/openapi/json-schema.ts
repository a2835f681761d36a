// zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) with zod 4's own z.toJSONSchema.
// Requests are converted with io "input" (what a client sends: the input side of transforms and
// pipes, coerced query values, defaults optional) and responses with io "output" (what the server
// sends after parsing). `unrepresentable` stays "throw": a schema the document cannot describe
// fails the tests instead of being published as "anything goes".
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = "#/components/schemas/";

/** Drops what OpenAPI does not want in an embedded schema and noise that says nothing to a reader. */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  // z.number().int() is bounded to the safe-integer range: true, but it says nothing to a reader.
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** A request schema (body, query or path object), inlined where it is used. */
export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  return withoutDialect(z.toJSONSchema(schema, { io: "input", override: tidy }) as JsonSchema);
}

/**
 * Response schemas as components: each named schema becomes `#/components/schemas/{name}`, and
 * every occurrence of it inside another one a `$ref` to it.
 */
export function responseComponents(named: Map<z.ZodType, string>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: "output",
    override: tidy,
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema as JsonSchema)]),
  );
}

export const componentRef = (name: string) => ({ $ref: `${COMPONENT_PREFIX}${name}` });
