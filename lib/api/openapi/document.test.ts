import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { buildOpenApiDocument } from "./document";
import type { Operation } from "./operation";

const widget: Operation = {
  method: "post",
  path: "/api/v1/widgets/{id}",
  operationId: "makeWidget",
  summary: "Make a widget",
  tags: ["Widgets"],
  access: "user",
  scope: "chats:write",
  params: z.object({ id: z.string() }),
  body: z.object({ size: z.string().transform(Number) }),
  idempotent: true,
  responses: { 201: { description: "Made.", schema: z.object({ id: z.number().int() }) } },
  errors: { 409: "Out of widgets." },
};

describe("buildOpenApiDocument", () => {
  it("builds the real document", () => {
    const doc = buildOpenApiDocument();
    assert.equal(doc.openapi, "3.1.0");
    assert.ok(Object.keys(doc.paths).length > 20);
  });

  it("describes an operation from its parts: params, body, key, answers derived and given", () => {
    const doc = buildOpenApiDocument([widget]);
    // Read back as plain JSON, the way clients see it.
    const operation = JSON.parse(JSON.stringify(doc.paths["/api/v1/widgets/{id}"]?.post));
    // A transform shows its input side: what the client sends.
    assert.deepEqual(operation.requestBody.content["application/json"].schema.properties.size, {
      type: "string",
    });
    assert.deepEqual(
      operation.parameters.map((p: { name?: string; $ref?: string }) => p.name ?? p.$ref),
      ["id", "#/components/parameters/IdempotencyKey"],
    );
    assert.deepEqual(Object.keys(operation.responses), [
      "201",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
      "422",
    ]);
    // An unnamed response schema is published under a name made from the operation.
    assert.deepEqual(operation.responses["201"].content["application/json"].schema, {
      $ref: "#/components/schemas/MakeWidget201",
    });
    assert.ok(doc.components.schemas.MakeWidget201);
    assert.deepEqual(operation.security, [{ accessToken: [] }, { session: [] }, { apiKey: ["chats:write"] }]);
    assert.equal(operation["x-required-scope"], "chats:write");
  });

  it("refuses an operation described twice", () => {
    assert.throws(() => buildOpenApiDocument([widget, widget]), /described twice/);
  });
});
