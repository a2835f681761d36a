/** What a chat list may be narrowed by (listChats, and the company side's counts of it). */
export type ChatFilters = {
  /** Company side: only this company's chats (still within the actor's companies). */
  companyId?: number;
  isActive?: boolean;
  /** Only chats with messages this side has not read. */
  unread?: boolean;
  /** Company side: the chats one representative answers (a user id), or the queue ("none"). */
  assignee?: number | "none";
};
