// Run: node --import tsx --test components/chat/thread-model.test.ts
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ApiMessage, ApiMessagePage } from "@/lib/api/v1-types";
import { apiMessage } from "../../tests/support/api-messages";
import { absorbPage, mergeMessages, messageKey, receiptIds, startHistory } from "./thread-model";

const message = apiMessage;
const page = (ids: number[], hasMore: boolean): ApiMessagePage => ({
  data: ids.map((id) => message(id)),
  has_more: hasMore,
  next_cursor: hasMore && ids[0] ? String(ids[0]) : null,
});
const ids = (messages: readonly ApiMessage[]) => messages.map((m) => m.id);

describe("mergeMessages", () => {
  test("merges by id, oldest first, without duplicates; the fresher copy wins", () => {
    const merged = mergeMessages([message(3), message(1)], [message(3, { read_at: "now" }), message(5)]);
    assert.deepEqual(ids(merged), [1, 3, 5]);
    assert.equal(merged[1]?.read_at, "now");
  });

  test("a copy taken before the read does not make a read message unread again", () => {
    // The answer to a slow send, landing after the other side's read receipt was applied.
    const read = message(4, { read_at: "2026-01-01T00:01:00.000Z", content: "Great" });
    const merged = mergeMessages([read], [message(4, { content: "Great" })]);
    assert.equal(merged[0]?.read_at, "2026-01-01T00:01:00.000Z");
  });
});

describe("absorbPage", () => {
  test("a poll with one new message appends it and keeps what scrolled out of the page", () => {
    const history = startHistory(page([10, 11, 12], true));
    const next = absorbPage(history, page([11, 12, 13], true));
    assert.deepEqual(ids(next.messages), [10, 11, 12, 13]);
    assert.equal(next.hasMore, true);
    assert.equal(next.generation, 0);
  });

  test("a page that starts past everything held, with more before it, restarts the history", () => {
    const history = startHistory(page([10, 11, 12], false));
    const next = absorbPage(history, page([40, 41, 42], true));
    assert.deepEqual(ids(next.messages), [40, 41, 42]);
    assert.equal(next.hasMore, true, "the gap is loaded by scrolling up");
    assert.equal(next.generation, 1);
  });

  test("a brand-new chat takes its first messages without a restart", () => {
    const next = absorbPage(startHistory(page([], false)), page([5], false));
    assert.deepEqual(ids(next.messages), [5]);
    assert.equal(next.generation, 0);
  });
});

describe("receiptIds", () => {
  test("the last own message is 'Sent', the last one the other side read is 'Seen'", () => {
    const messages = [
      message(1, { read_at: "t" }),
      message(2, { sender_type: "company" }),
      message(3, { read_at: "t" }),
      message(4),
    ];
    assert.deepEqual(receiptIds(messages, "user"), { lastOwnId: 4, lastSeenId: 3 });
    assert.deepEqual(receiptIds(messages, "company"), { lastOwnId: 2, lastSeenId: null });
  });
});

describe("messageKey", () => {
  test("a message sent from this tab keeps its optimistic key", () => {
    assert.equal(messageKey(message(9, { client_message_id: "abc" })), "user:c:abc");
    assert.equal(messageKey(message(9)), "m:9");
  });
});
