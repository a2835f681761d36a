// Run: node --import tsx --test lib/http/errors.test.ts
import assert from "node:assert/strict";
import { test } from "node:test";
import { capturingStdout } from "../../tests/support/stdout";
import { AppError } from "../errors";
import { problemResponse, STATUS_BY_CODE, toAppError } from "./errors";

const bug = () => new TypeError("Cannot read properties of undefined (reading 'secret-detail')");

test("an error nothing names is `internal`, a 500, with a generic message and a log line", () => {
  const { result, lines } = capturingStdout(() => toAppError(bug(), "req-7"));
  assert.equal(result.code, "internal");
  assert.equal(STATUS_BY_CODE[result.code], 500);
  assert.doesNotMatch(result.message, /secret-detail/);
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0] ?? "");
  assert.equal(line.level, "error");
  assert.equal(line.request_id, "req-7");
  assert.match(line.error, /secret-detail/);
});

test("errors it recognises are not internal and are not logged", () => {
  const { result, lines } = capturingStdout(() => [
    toAppError(new AppError("not_found", "Chat not found."), "r"),
    toAppError(Object.assign(new Error("aborted"), { name: "AbortError" }), "r"),
  ]);
  assert.deepEqual(
    result.map((error) => error.code),
    ["not_found", "bad_request"],
  );
  assert.deepEqual(lines, []);
});

test("/api/v1 answers an unexpected error as problem+json 500 without its detail", async () => {
  const { result: response } = capturingStdout(() => problemResponse(bug(), "req-8"));
  assert.equal(response.status, 500);
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  const body = await response.json();
  assert.equal(body.type, "https://estate-chat.example/problems/internal");
  assert.equal(body.title, "Internal server error");
  assert.equal(body.detail, "Something went wrong on our side. Quote the request id when reporting it.");
  assert.equal(body.request_id, "req-8");
});

test("an `internal` AppError thrown by hand is logged and its text kept from the client", () => {
  const { result, lines } = capturingStdout(() =>
    toAppError(new AppError("internal", "pool secret-detail"), "r9"),
  );
  assert.equal(result.code, "internal");
  assert.doesNotMatch(result.message, /secret-detail/);
  assert.equal(lines.length, 1);
});

test("a connection to the database reset mid-query is a 503 to retry, not the client's abort", () => {
  const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
  assert.equal(toAppError(reset, "r10").code, "service_unavailable");
  assert.equal(
    toAppError(Object.assign(new Error("aborted"), { name: "AbortError" }), "r11").code,
    "bad_request",
  );
});
