// What an API key may do. People signed in (browser session or the token pair from
// /api/v1/auth/token) hold every scope; API keys hold the scopes chosen when they were made.
export const SCOPES = [
  "chats:read",
  "chats:write",
  "messages:write",
  "webhooks:manage",
  "listings:write",
  "leads:write",
  "settings:write",
] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "chats:read": "Read chats, messages, unread counts, companies and the live event stream",
  "chats:write": "Start chats, close and reopen them",
  "messages:write": "Send messages, mark chats read, announce typing",
  "webhooks:manage": "Register, change and remove webhook endpoints; see and redeliver deliveries",
  "listings:write": "Create, update, list and withdraw the company's listings",
  "leads:write": "Post leads from portals and contact forms",
  "settings:write": "Read and change the company's routing, business hours and away message",
};
