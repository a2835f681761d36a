import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exampleOf } from "./example";
import { requestJsonSchema } from "./json-schema";
import { operations } from "./operations";

describe("exampleOf", () => {
  it("makes, for every documented request body, an example the body's own schema accepts", () => {
    const refused = operations.flatMap((operation) => {
      if (!operation.body) return [];
      const example = exampleOf(requestJsonSchema(operation.body));
      return operation.body.safeParse(example).success
        ? []
        : [`${operation.operationId}: ${JSON.stringify(example)}`];
    });
    assert.deepEqual(refused, []);
  });

  it("follows $refs, prefers constants and enums, and picks the non-null side of a nullable", () => {
    const components = { Thing: { type: "object", properties: { kind: { enum: ["a", "b"] } } } };
    const schema = {
      type: "object",
      properties: {
        thing: { anyOf: [{ type: "null" }, { $ref: "#/components/schemas/Thing" }] },
        token_type: { type: "string", const: "Bearer" },
        at: { type: "string", format: "date-time" },
      },
    };
    assert.deepEqual(exampleOf(schema, components), {
      thing: { kind: "a" },
      token_type: "Bearer",
      at: "2026-05-04T09:30:00.000Z",
    });
  });
});
