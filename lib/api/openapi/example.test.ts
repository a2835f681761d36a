import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SendBody, StartChatBody } from "../v1-inputs";
import { exampleOf } from "./example";
import { requestJsonSchema } from "./json-schema";

describe("exampleOf", () => {
  it("makes a request body the schema itself accepts", () => {
    for (const schema of [SendBody, StartChatBody]) {
      const example = exampleOf(requestJsonSchema(schema));
      assert.equal(schema.safeParse(example).success, true, JSON.stringify(example));
    }
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
