// Run: node --import tsx --test lib/client/apply-event.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ApiMessage, ApiMessagePage } from "@/lib/api/v1-types";
import { apiMessage } from "../../tests/support/api-messages";
import { withMessage, withReadReceipt } from "./apply-event";

const message = apiMessage;
const page = (...data: ApiMessage[]): ApiMessagePage => ({ data, has_more: false, next_cursor: null });

describe("withMessage", () => {
  test("adds a new message in id order", () => {
    const result = withMessage(page(message(1), message(3)), message(2));
    assert.deepEqual(
      result.data.map((m) => m.id),
      [1, 2, 3],
    );
  });

  test("returns the same page when the message is already there (a send this tab made)", () => {
    const cached = page(message(1), message(2));
    assert.equal(withMessage(cached, message(2, { content: "other" })), cached);
  });
});

describe("withReadReceipt", () => {
  const readAt = "2026-01-02T00:00:00.000Z";

  test("the company reading marks the buyer's unread messages, and only those", () => {
    const earlier = "2026-01-01T12:00:00.000Z";
    const cached = page(message(1, { read_at: earlier }), message(2), message(3, { sender_type: "company" }));
    const result = withReadReceipt(cached, { chat_id: 1, reader: "company", read_at: readAt });
    assert.deepEqual(
      result.data.map((m) => m.read_at),
      [earlier, readAt, null],
    );
  });

  test("the buyer reading marks the company's messages", () => {
    const result = withReadReceipt(page(message(1), message(2, { sender_type: "company" })), {
      chat_id: 1,
      reader: "buyer",
      read_at: readAt,
    });
    assert.deepEqual(
      result.data.map((m) => m.read_at),
      [null, readAt],
    );
  });

  test("returns the same page when nothing changes", () => {
    const cached = page(message(1, { sender_type: "company" }));
    assert.equal(withReadReceipt(cached, { chat_id: 1, reader: "company", read_at: readAt }), cached);
  });
});
