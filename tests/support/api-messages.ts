// API-shaped messages and pages for the unit tests of client-side thread logic.
import type { ApiMessage } from "../../lib/api/v1-types";

/** A buyer's unread message in chat 1; `overrides` changes what a test is about. */
export const apiMessage = (id: number, overrides: Partial<ApiMessage> = {}): ApiMessage => ({
  id,
  chat_id: 1,
  sender_type: "user",
  sender: { id: 7, name: "Buyer" },
  api_key: null,
  content: `message ${id}`,
  created_at: "2026-01-01T00:00:00.000Z",
  read_at: null,
  client_message_id: null,
  listing: null,
  source: null,
  automatic: false,
  ...overrides,
});
