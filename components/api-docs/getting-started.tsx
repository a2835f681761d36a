// The introduction of /docs/api, read from the document where it can be: which operations take
// an Idempotency-Key, which lists page with cursors, which error statuses exist. Sections about
// features that are not in the document (API keys, webhooks) appear once they are.
import Link from "next/link";
import type { OpenApiDocument } from "@/lib/api/openapi/document";
import { textLink } from "../ui/styles";
import { CodeBlock } from "./code-block";
import type { DocOperation } from "./operation-section";
import { SchemaView } from "./schema-view";

const STATUS_MEANINGS: Record<string, string> = {
  "400": "malformed request (invalid JSON)",
  "401": "no credentials, or bad ones",
  "403": "the credentials may not do this (an API key without the scope)",
  "404": "not found, or not yours: the two look the same",
  "409": "conflict with the current state (a closed chat, a taken email)",
  "413": "body too large",
  "415": "body not sent as JSON",
  "422": "invalid fields, listed in errors[]",
  "429": "too many requests or streams",
};

const OperationLink = ({ entry }: { entry: DocOperation }) => (
  <a href={`#${String(entry.operation.operationId)}`} className={textLink}>
    <code>
      {entry.method.toUpperCase()} {entry.path}
    </code>
  </a>
);

function LinkList({ entries }: { entries: DocOperation[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {entries.map((entry) => (
        <li key={`${entry.method} ${entry.path}`}>
          <OperationLink entry={entry} />
        </li>
      ))}
    </ul>
  );
}

export function GettingStarted({ doc, entries }: { doc: OpenApiDocument; entries: DocOperation[] }) {
  const byId = (id: string) => entries.find((entry) => entry.operation.operationId === id);
  const takes = (entry: DocOperation, name: string) =>
    JSON.stringify(entry.operation.parameters ?? []).includes(name);
  const tokenOperation = byId("createToken");
  const idempotent = entries.filter((entry) => takes(entry, "IdempotencyKey"));
  const paged = entries.filter((entry) => takes(entry, '"cursor"') || takes(entry, '"before"'));
  const apiKeys = entries.filter((entry) => entry.path.includes("/api-keys"));
  const webhooks = entries.filter((entry) => entry.path.includes("/webhooks"));
  const events = byId("streamEvents");
  const statuses = [
    ...new Set(entries.flatMap((entry) => Object.keys(entry.operation.responses as object))),
  ].filter((status) => status in STATUS_MEANINGS);
  const prose = "space-y-3 text-zinc-700 dark:text-zinc-300";
  const h3 = "text-lg font-semibold text-zinc-900 dark:text-zinc-100";

  return (
    <section aria-labelledby="getting-started" className="space-y-6">
      <h2 id="getting-started" className="text-2xl font-semibold tracking-tight">
        Getting started
      </h2>
      <div className={prose}>
        <p>{doc.info.description}</p>
        <h3 className={h3}>Authenticate</h3>
        {tokenOperation && (
          <p>
            Exchange an email and password for a token pair with <OperationLink entry={tokenOperation} />,
            then send the access token on every call:
          </p>
        )}
        <CodeBlock label="Authorization header">{"Authorization: Bearer <access_token>"}</CodeBlock>
        {apiKeys.length > 0 && (
          <p>
            Integrations use an API key instead, created at{" "}
            <Link href="/settings/api-keys" className={textLink}>
              Settings → API keys
            </Link>{" "}
            and sent the same way. A key may only do what its scopes allow; each operation below names the
            scope it needs.
          </p>
        )}
        <p>In the browser, the session cookie of the signed-in person serves too.</p>
        {idempotent.length > 0 && (
          <>
            <h3 className={h3}>Retry safely</h3>
            <p>
              These operations take an <code>Idempotency-Key</code> header: a retry with the same key returns
              the first result, marked <code>Idempotent-Replayed: true</code>, instead of doing it twice.
            </p>
            <LinkList entries={idempotent} />
          </>
        )}
        {paged.length > 0 && (
          <>
            <h3 className={h3}>Pages</h3>
            <p>
              Lists answer <code>{"{data, next_cursor}"}</code>: pass <code>next_cursor</code> back as{" "}
              <code>cursor</code> (for messages, as <code>before</code> or <code>after</code>) until it is{" "}
              <code>null</code>. <code>limit</code> is capped.
            </p>
            <LinkList entries={paged} />
          </>
        )}
        {events && (
          <>
            <h3 className={h3}>Live events</h3>
            <p>
              <OperationLink entry={events} /> streams what happens as Server-Sent Events; reconnect with{" "}
              <code>Last-Event-ID</code> to miss nothing.
            </p>
          </>
        )}
        {webhooks.length > 0 && (
          <>
            <h3 className={h3}>Webhooks</h3>
            <p>Servers that cannot hold a stream open can have events delivered to them:</p>
            <LinkList entries={webhooks} />
          </>
        )}
        <h3 className={h3}>Errors</h3>
        <p>
          Every error is <code>application/problem+json</code> with the same fields; quote{" "}
          <code>request_id</code> when reporting one.
        </p>
        <SchemaView schema={{ $ref: "#/components/schemas/Problem" }} components={doc.components.schemas} />
        <ul className="list-disc space-y-1 pl-5">
          {statuses.map((status) => (
            <li key={status}>
              <code>{status}</code>: {STATUS_MEANINGS[status]}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
