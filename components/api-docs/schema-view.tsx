// A JSON Schema from the OpenAPI document as a readable, nested list of fields: name, type,
// whether it is required, constraints and description. Named schemas link to their section.
import type { ReactNode } from "react";
import type { JsonSchema } from "@/lib/api/openapi/example";
import { textLink } from "../ui/styles";
import { InlineMarkdown } from "./markdown-text";

type Components = Record<string, JsonSchema>;
const REF_PREFIX = "#/components/schemas/";

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (schema: JsonSchema) =>
  typeof schema.$ref === "string" ? schema.$ref.replace(REF_PREFIX, "") : undefined;
const variantsOf = (schema: JsonSchema) => (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;

function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  const name = refName(schema);
  if (name) {
    return (
      <a href={`#${schemaAnchor(name)}`} className={textLink}>
        {name}
      </a>
    );
  }
  const variants = variantsOf(schema);
  if (variants) {
    return variants.map((variant, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: variants are a fixed list in schema order.
      <span key={index}>
        {index > 0 && " or "}
        <TypeLabel schema={variant} />
      </span>
    ));
  }
  if ("const" in schema) return <code>{JSON.stringify(schema.const)}</code>;
  if (Array.isArray(schema.enum)) return <>one of {schema.enum.map((v) => JSON.stringify(v)).join(", ")}</>;
  if (schema.type === "array") {
    return (
      <>
        array of <TypeLabel schema={(schema.items ?? {}) as JsonSchema} />
      </>
    );
  }
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  return typeof schema.type === "string" ? schema.type : "any";
}

function constraintsOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const { minLength, maxLength, minimum, maximum, exclusiveMinimum, pattern, format } = schema;
  if (minLength !== undefined || maxLength !== undefined) {
    notes.push(`${minLength ?? 0}–${maxLength ?? "∞"} characters`);
  }
  if (exclusiveMinimum !== undefined) notes.push(`> ${exclusiveMinimum}`);
  if (minimum !== undefined) notes.push(`≥ ${minimum}`);
  if (maximum !== undefined) notes.push(`≤ ${maximum}`);
  if (pattern !== undefined) notes.push(`pattern ${pattern}`);
  if (format !== undefined) notes.push(String(format));
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

/** The inline object inside a property (itself, an array's items, a nullable's object side). */
function nestedObject(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === "object" && schema.properties) return schema;
  if (schema.type === "array" && schema.items) return nestedObject(schema.items as JsonSchema);
  return variantsOf(schema)?.map(nestedObject).find(Boolean);
}

export function FieldList({ schema }: { schema: JsonSchema }) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <ul className="space-y-2 border-l border-zinc-200 pl-3 text-sm dark:border-zinc-800">
      {Object.entries(properties).map(([name, property]) => {
        const nested = nestedObject(property);
        const notes = constraintsOf(property);
        return (
          <li key={name}>
            <code className="font-mono font-semibold">{name}</code>{" "}
            <span className="text-zinc-600 dark:text-zinc-400">
              <TypeLabel schema={property} />
              {required.has(name) ? ", required" : ", optional"}
              {notes.length > 0 && ` · ${notes.join(" · ")}`}
            </span>
            {typeof property.description === "string" && (
              <p className="text-zinc-700 dark:text-zinc-300">
                <InlineMarkdown text={property.description} />
              </p>
            )}
            {nested && (
              <div className="mt-1">
                <FieldList schema={nested} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function eventNameOf(variant: JsonSchema): string | undefined {
  const tag = (variant.properties as Record<string, JsonSchema> | undefined)?.event?.const;
  return typeof tag === "string" ? tag : undefined;
}

/** A whole schema: a named one by its name and fields, a union by its variants. */
export function SchemaView({ schema, components }: { schema: JsonSchema; components: Components }) {
  const name = refName(schema);
  const resolved = name ? (components[name] ?? {}) : schema;
  const variants = resolved.oneOf as JsonSchema[] | undefined;
  return (
    <div className="space-y-2">
      {name && (
        <p className="text-sm">
          <TypeLabel schema={schema} />
          {typeof resolved.description === "string" && (
            <>
              {" — "}
              <InlineMarkdown text={resolved.description} />
            </>
          )}
        </p>
      )}
      {variants ? (
        <ul className="space-y-3">
          {variants.map((variant, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: variants are a fixed list in schema order.
            <li key={index} className="space-y-1">
              <p className="text-sm">
                {/* A union tagged by a constant (the event frames): name each variant by it. */}
                {eventNameOf(variant) && (
                  <code className="mr-1 font-mono font-semibold">{eventNameOf(variant)}</code>
                )}
                {typeof variant.description === "string" && <InlineMarkdown text={variant.description} />}
              </p>
              <FieldList schema={variant} />
            </li>
          ))}
        </ul>
      ) : resolved.properties ? (
        <FieldList schema={resolved} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <TypeLabel schema={resolved} />
        </p>
      )}
    </div>
  );
}
