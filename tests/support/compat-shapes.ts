// The original API's JSON shapes, key for key (docs/compat.md): what its clients rely on, and
// what new fields elsewhere must never add to.
import assert from "node:assert/strict";

export const DRF_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

export function assertMessageShape(message: Record<string, unknown>) {
  assert.deepEqual(Object.keys(message).sort(), [
    "chat",
    "content",
    "id",
    "is_read",
    "sender_type",
    "timestamp",
  ]);
  assert.match(String(message.timestamp), DRF_TIME);
}

export const BUYER_CHAT_KEYS = [
  "company",
  "company_name",
  "created_at",
  "id",
  "is_active",
  "last_message",
  "unread_count",
  "updated_at",
  "user",
];
export const COMPANY_CHAT_KEYS = [
  "created_at",
  "id",
  "is_active",
  "last_message",
  "unread_count",
  "updated_at",
  "user",
  "user_email",
  "user_name",
];
