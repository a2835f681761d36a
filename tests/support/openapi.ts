// Checks real answers against the OpenAPI document the server publishes: the operation is found
// by method and path, the status must be documented, and the body must validate (ajv, draft
// 2020-12, the dialect of OpenAPI 3.1) against the schema documented for that status.
import assert from "node:assert/strict";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import type { Answer } from "./http";

export type Doc = {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, unknown>; [kind: string]: Record<string, unknown> };
  [key: string]: unknown;
};

const COMPONENTS_ID = "https://estate-chat.test/components.json";
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** `#/components/schemas/X` refs, pointed at one ajv schema that holds every component. */
function retarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retarget);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === "$ref" && typeof inner === "string" && inner.startsWith("#/components/schemas/")
        ? [key, `${COMPONENTS_ID}#/$defs/${inner.slice("#/components/schemas/".length)}`]
        : [key, retarget(inner)],
    ),
  );
}

/** What the body of an answer looks like when it is there. */
type Documented = { mediaType: string; validate: ValidateFunction } | null;

export class OpenApiChecker {
  readonly ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  /** "operationId status" for every answer checked: which documented answers were seen. */
  readonly seen = new Set<string>();
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(readonly doc: Doc) {
    // No ajv-formats here: the one format the document uses, checked for real.
    this.ajv.addFormat("date-time", {
      type: "string",
      validate: (value: string) =>
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) &&
        !Number.isNaN(Date.parse(value)),
    });
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: retarget(doc.components.schemas) as object });
  }

  /** Compiles (once) a schema taken from the document. */
  compile(schema: object): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(retarget(schema) as object);
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  /** The documented operation serving this request, by method and path template. */
  operationOf(method: string, url: string): { path: string; operation: any } {
    const pathname = new URL(url, "http://x").pathname;
    const matches = Object.entries(this.doc.paths)
      .filter(([template, item]) => {
        if (!item[method.toLowerCase()]) return false;
        const pattern = template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+");
        return new RegExp(`^${pattern}$`).test(pathname);
      })
      // A literal segment beats a parameter (`/company/chat-counts` is not `/company/chats/{id}`).
      .sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const found = matches[0];
    assert.ok(found, `${method} ${pathname} is not in the OpenAPI document`);
    return { path: found[0], operation: found[1][method.toLowerCase()] };
  }

  /** The documented answer for a status, or a failure naming the undocumented status. */
  documented(method: string, url: string, status: number): { operationId: string; body: Documented } {
    const { path, operation } = this.operationOf(method, url);
    const response = operation.responses[String(status)];
    assert.ok(
      response,
      `${method} ${path} answered ${status}, which the document does not list (it lists ${Object.keys(operation.responses).join(", ")})`,
    );
    const [mediaType, media] =
      Object.entries((response.content ?? {}) as Record<string, { schema: object }>)[0] ?? [];
    return {
      operationId: operation.operationId,
      body: mediaType && media ? { mediaType, validate: this.compile(media.schema) } : null,
    };
  }

  /** Fails unless this answer is one the document describes, body and all. */
  check(method: string, url: string, answer: Answer): void {
    const { operationId, body } = this.documented(method, url, answer.status);
    const label = `${method} ${url} → ${answer.status} (${operationId})`;
    if (body === null) {
      assert.equal(answer.text, "", `${label}: the document says no body`);
    } else if (body.mediaType === "text/event-stream") {
      // An endless stream: its headers here, its frames through checkFrame().
      assert.match(answer.headers.get("content-type") ?? "", /^text\/event-stream/, `${label}: content type`);
    } else {
      const contentType = answer.headers.get("content-type") ?? "";
      assert.ok(
        contentType.startsWith(body.mediaType),
        `${label}: content type ${contentType}, documented ${body.mediaType}`,
      );
      this.assertValid(body.validate, answer.body, label);
    }
    this.seen.add(`${operationId} ${answer.status}`);
  }

  /** Fails unless one frame of an event stream matches the documented frame schema. */
  checkFrame(url: string, frame: { id?: string; event: string; data: unknown }): void {
    const { operationId, body } = this.documented("GET", url, 200);
    assert.equal(body?.mediaType, "text/event-stream");
    // A frame without an id line has no id at all (not an id that is undefined).
    const value = JSON.parse(JSON.stringify(frame));
    this.assertValid(body.validate, value, `GET ${url} frame ${frame.event}`);
    this.seen.add(`${operationId} 200`);
  }

  private assertValid(validate: ValidateFunction, value: unknown, label: string): void {
    if (validate(value)) return;
    const problems = this.ajv.errorsText(validate.errors, { separator: "\n  " });
    assert.fail(
      `${label}: the body does not match the document:\n  ${problems}\nbody: ${JSON.stringify(value)}`,
    );
  }

  /** Every operation of the document, as "METHOD /path" with its operationId. */
  operations(): { key: string; operationId: string; path: string; method: string; operation: any }[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        key: `${method.toUpperCase()} ${path}`,
        operationId: item[method].operationId as string,
        path,
        method,
        operation: item[method],
      })),
    );
  }
}

/** The JSON value a local `$ref` ("#/a/b") points at in the document, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: any = doc;
  for (const part of ref.slice(2).split("/")) {
    const key = part.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Every `$ref` string anywhere in a JSON value. */
export function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}
