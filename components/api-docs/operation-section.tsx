// One operation of the document: method and path, what it does and who may call it, its
// parameters, request body (fields and an example) and every answer with its schema.

import type { OpenApiDocument } from "@/lib/api/openapi/document";
import { exampleOf, type JsonSchema } from "@/lib/api/openapi/example";
import { CodeBlock } from "./code-block";
import { InlineMarkdown, MarkdownText } from "./markdown-text";
import { MethodBadge } from "./method-badge";
import { FieldList, SchemaView } from "./schema-view";

export type DocOperation = { method: string; path: string; operation: JsonSchema };

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema };
type Response = { description: string; content?: Record<string, { schema: JsonSchema }> };

const subheading = "text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";

function parametersOf(operation: JsonSchema, doc: OpenApiDocument): Parameter[] {
  return ((operation.parameters ?? []) as (Parameter | { $ref: string })[]).map((parameter) =>
    "$ref" in parameter
      ? (doc.components.parameters[parameter.$ref.split("/").at(-1) ?? ""] as unknown as Parameter)
      : parameter,
  );
}

function Parameters({ parameters }: { parameters: Parameter[] }) {
  // The same field list as a schema: one "object" whose properties are the parameters.
  const asSchema = {
    properties: Object.fromEntries(
      parameters.map((p) => [
        p.name,
        { ...p.schema, description: `${p.in}${p.description ? ` · ${p.description}` : ""}` },
      ]),
    ),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
  return <FieldList schema={asSchema} />;
}

export function OperationSection({ entry, doc }: { entry: DocOperation; doc: OpenApiDocument }) {
  const { method, path, operation } = entry;
  const id = String(operation.operationId);
  const parameters = parametersOf(operation, doc);
  const body = (operation.requestBody as { content: Record<string, { schema: JsonSchema }> } | undefined)
    ?.content["application/json"]?.schema;
  const responses = Object.entries(operation.responses as Record<string, Response>);
  const scope = operation["x-required-scope"];
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 space-y-4 border-t border-zinc-200 pt-6 dark:border-zinc-800"
    >
      <div className="space-y-1">
        <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          <MethodBadge method={method} />
          <code className="font-mono text-base break-all">{path}</code>
        </h3>
        <p className="font-medium">{String(operation.summary)}</p>
        {typeof scope === "string" && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            API key scope: <code className="font-mono">{scope}</code>
          </p>
        )}
      </div>
      {typeof operation.description === "string" && <MarkdownText text={operation.description} />}
      {parameters.length > 0 && (
        <div className="space-y-2">
          <h4 className={subheading}>Parameters</h4>
          <Parameters parameters={parameters} />
        </div>
      )}
      {body && (
        <div className="space-y-2">
          <h4 className={subheading}>Request body (application/json)</h4>
          <SchemaView schema={body} components={doc.components.schemas} />
          <CodeBlock label={`Example request body for ${method.toUpperCase()} ${path}`}>
            {JSON.stringify(exampleOf(body, doc.components.schemas), null, 2)}
          </CodeBlock>
        </div>
      )}
      <div className="space-y-2">
        <h4 className={subheading}>Responses</h4>
        <ul className="space-y-3">
          {responses.map(([status, response]) => {
            const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
            const success = status.startsWith("2");
            return (
              <li key={status} className="space-y-1 text-sm">
                <p>
                  <span
                    className={`mr-2 rounded px-1.5 py-0.5 font-mono font-semibold ${success ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"}`}
                  >
                    {status}
                  </span>
                  <InlineMarkdown text={response.description} />
                  {mediaType && <span className="text-zinc-600 dark:text-zinc-400"> ({mediaType})</span>}
                </p>
                {success && media && <SchemaView schema={media.schema} components={doc.components.schemas} />}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
