// The /api/v1 URLs of one conversation. They double as SWR keys, so the server page's fallback
// data, the client's hooks and any mutate() elsewhere name the same cache entries.
export type ChatSide = "buyer" | "company";

/** One page of the thread; the server page loads the same size for the first view. */
export const MESSAGE_PAGE_SIZE = 50;

/** The server's limit (lib/messages/schemas.ts), repeated so no zod code reaches the browser. */
export const MAX_MESSAGE_LENGTH = 5000;

export const chatUrl = (side: ChatSide, chatId: number) =>
  side === "buyer" ? `/api/v1/chats/${chatId}` : `/api/v1/company/chats/${chatId}`;

export const messagesUrl = (side: ChatSide, chatId: number) => `${chatUrl(side, chatId)}/messages`;

/** The newest page: the key that is polled and that sends are merged into. */
export const newestMessagesUrl = (side: ChatSide, chatId: number) =>
  `${messagesUrl(side, chatId)}?limit=${MESSAGE_PAGE_SIZE}`;

export const olderMessagesUrl = (side: ChatSide, chatId: number, beforeId: number) =>
  `${messagesUrl(side, chatId)}?before=${beforeId}&limit=${MESSAGE_PAGE_SIZE}`;

/** The listings the buyer asked about in a chat (the console's context panel). */
export const chatListingsUrl = (chatId: number) => `${chatUrl("company", chatId)}/listings`;

/** The representatives' internal notes on a chat (company side only). */
export const chatNotesUrl = (chatId: number) => `${chatUrl("company", chatId)}/notes`;

/** The company's saved replies, offered by the console composer's "/" picker. */
export const savedRepliesUrl = (companyId: number) => `/api/v1/company/saved-replies?company_id=${companyId}`;

export const readUrl = (side: ChatSide, chatId: number) => `${chatUrl(side, chatId)}/read`;

/** Who wrote a message, seen from one side: the buyer writes as "user", the company as "company". */
export const ownSenderType = (side: ChatSide) => (side === "buyer" ? "user" : "company");
export const otherSenderType = (side: ChatSide) => (side === "buyer" ? "company" : "user");

/** Lists and counters shown elsewhere (inbox, console, header badges) that a read or close changes. */
export const isChatListKey = (key: unknown) =>
  typeof key === "string" && /^\/api\/v1\/(unread-count|chats|company\/chats)(\?|$)/.test(key);
