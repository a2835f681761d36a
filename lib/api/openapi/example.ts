// An example value for a JSON Schema from the OpenAPI document, for the docs page: what a request
// body can look like. Derived from the schema (constants, enums, defaults, bounds) so it stays
// valid as the schema changes; a few well-known field names get a realistic value.
export type JsonSchema = Record<string, unknown>;

const BY_NAME: Record<string, unknown> = {
  email: "buyer@example.com",
  password: "a long enough password",
  current_password: "the current password",
  new_password: "a new long password",
  name: "Summit Realty",
  description: "Family homes by the sea",
  content: "Is the flat on Harbour Street still available?",
  client_message_id: "7f3c9e52-6b1a-4c55-9a0e-2d41f0c8b9aa",
  refresh_token: "eyJhbGciOiJIUzI1NiJ9…",
};

const MAX_DEPTH = 6;

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  return components[ref.replace("#/components/schemas/", "")] ?? {};
}

function numberExample(schema: JsonSchema): number {
  if (typeof schema.minimum === "number" && schema.minimum > 0) return schema.minimum;
  if (typeof schema.exclusiveMinimum === "number") return Math.floor(schema.exclusiveMinimum) + 1;
  return 1;
}

export function exampleOf(
  given: JsonSchema,
  components: Record<string, JsonSchema> = {},
  name?: string,
  depth = 0,
): unknown {
  const schema = resolve(given, components);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (name && name in BY_NAME) return BY_NAME[name];
  if ("default" in schema) return schema.default;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    const first = variants.find((variant) => variant.type !== "null") ?? variants[0] ?? {};
    return exampleOf(first, components, name, depth);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (depth > MAX_DEPTH) return null;
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [
          key,
          exampleOf(property, components, key, depth + 1),
        ]),
      );
    }
    case "array":
      return [exampleOf((schema.items ?? {}) as JsonSchema, components, undefined, depth + 1)];
    case "integer":
    case "number":
      return name?.endsWith("id") ? 42 : numberExample(schema);
    case "boolean":
      return true;
    case "string":
      return schema.format === "date-time" ? "2026-05-04T09:30:00.000Z" : "string";
    default:
      return null;
  }
}
