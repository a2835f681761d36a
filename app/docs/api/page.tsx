import type { Metadata } from "next";
import { GettingStarted } from "@/components/api-docs/getting-started";
import { InlineMarkdown } from "@/components/api-docs/markdown-text";
import { MethodBadge } from "@/components/api-docs/method-badge";
import { type DocOperation, OperationSection } from "@/components/api-docs/operation-section";
import { SchemaView, schemaAnchor } from "@/components/api-docs/schema-view";
import { textLink } from "@/components/ui/styles";
import { openApiDocument } from "@/lib/api/openapi/document";

export const metadata: Metadata = { title: "API reference" };

const DOCUMENT_URL = "/api/v1/openapi.json";

/**
 * The API reference, rendered on the server from the same document GET /api/v1/openapi.json
 * serves: no script, no CDN, nothing fetched from elsewhere. Public, like the document.
 */
export default function ApiDocsPage() {
  const doc = openApiDocument();
  const entries: DocOperation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
  const byTag = doc.tags.map((tag) => ({
    ...tag,
    entries: entries.filter((entry) => (entry.operation.tags as string[])[0] === tag.name),
  }));
  const tagAnchor = (name: string) => `tag-${name.toLowerCase().replace(/\W+/g, "-")}`;

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{doc.info.title} reference</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Version {doc.info.version} · OpenAPI {doc.openapi} ·{" "}
          <a href={DOCUMENT_URL} className={textLink}>
            Download the OpenAPI document
          </a>{" "}
          for code generators and API tools.
        </p>
      </header>

      <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
        <nav
          aria-label="API operations"
          className="mb-10 text-sm [overflow-wrap:anywhere] lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100dvh-2rem)] lg:self-start lg:overflow-y-auto"
        >
          <ul className="space-y-4">
            <li>
              <a href="#getting-started" className={textLink}>
                Getting started
              </a>
            </li>
            {byTag.map((tag) => (
              <li key={tag.name}>
                <a href={`#${tagAnchor(tag.name)}`} className={`font-semibold ${textLink}`}>
                  {tag.name}
                </a>
                <ul className="mt-1 space-y-1">
                  {tag.entries.map(({ method, path, operation }) => (
                    <li key={`${method} ${path}`} className="flex items-start gap-2">
                      <MethodBadge method={method} />
                      <a href={`#${String(operation.operationId)}`} className={textLink}>
                        {String(operation.summary)}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#schemas" className={textLink}>
                Schemas
              </a>
            </li>
          </ul>
        </nav>

        <div className="min-w-0 space-y-12 [overflow-wrap:anywhere]">
          <GettingStarted doc={doc} entries={entries} />
          {byTag.map((tag) => (
            <section key={tag.name} aria-labelledby={tagAnchor(tag.name)} className="space-y-6">
              <div>
                <h2 id={tagAnchor(tag.name)} className="text-2xl font-semibold tracking-tight">
                  {tag.name}
                </h2>
                {tag.description && (
                  <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                    <InlineMarkdown text={tag.description} />
                  </p>
                )}
              </div>
              {tag.entries.map((entry) => (
                <OperationSection key={`${entry.method} ${entry.path}`} entry={entry} doc={doc} />
              ))}
            </section>
          ))}
          <section aria-labelledby="schemas" className="space-y-6">
            <h2 id="schemas" className="text-2xl font-semibold tracking-tight">
              Schemas
            </h2>
            {Object.entries(doc.components.schemas).map(([name, schema]) => (
              <section
                key={name}
                id={schemaAnchor(name)}
                aria-labelledby={`${schemaAnchor(name)}-title`}
                className="scroll-mt-4 space-y-2"
              >
                <h3 id={`${schemaAnchor(name)}-title`} className="font-mono text-lg font-semibold">
                  {name}
                </h3>
                <SchemaView schema={schema} components={doc.components.schemas} />
              </section>
            ))}
          </section>
        </div>
      </div>
    </div>
  );
}
