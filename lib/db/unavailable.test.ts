// Run: node --import tsx --test lib/db/unavailable.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isDatabaseUnavailable } from "./unavailable";

const withCode = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe("database unavailable", () => {
  test("PostgreSQL stopping, starting, or gone, in each shape it arrives in", () => {
    const shapes = [
      withCode("connect ECONNREFUSED 127.0.0.1:5432", {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
      new Error("Connection terminated unexpectedly"),
      withCode("terminating connection due to administrator command", { code: "57P01", severity: "FATAL" }),
      withCode("the database system is shutting down", { code: "57P03", severity: "FATAL" }),
      withCode("Can't reach database server", { code: "P1001" }),
      withCode("Server has closed the connection.", { code: "P1017" }),
      withCode("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028" }),
      new Error("wrapped", { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } }),
      new Error("wrapped", { cause: { kind: "postgres", originalCode: "57P01", originalMessage: "…" } }),
      Object.assign(new Error("P2010"), {
        meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
      }),
      new Error("outer", { cause: new Error("middle", { cause: new Error("Connection terminated") }) }),
    ];
    for (const error of shapes) assert.ok(isDatabaseUnavailable(error), String(error));
  });

  test("bugs, constraint violations and other errors are not", () => {
    const others = [
      new Error("Cannot read properties of undefined"),
      withCode("Unique constraint failed", { code: "P2002" }),
      withCode("duplicate key value", { code: "23505", severity: "ERROR" }),
      new Error("wrapped", { cause: { kind: "UniqueConstraintViolation" } }),
      null,
      undefined,
      "a string",
    ];
    for (const error of others) assert.ok(!isDatabaseUnavailable(error), String(error));
  });

  test("a cycle of causes ends", () => {
    const error: Error & { cause?: unknown } = new Error("loop");
    error.cause = error;
    assert.equal(isDatabaseUnavailable(error), false);
  });
});
