// Shared by the console page (server) and its filters (client): no "use client" here, so the
// server can call it.
export type ConsoleStatus = "all" | "open" | "closed";
/** The tabs: chats the viewer answers, the queue nobody answers yet, or every chat. */
export type ConsoleAssignee = "all" | "me" | "none";
export type ConsoleFilterValues = {
  companyId: number | null;
  status: ConsoleStatus;
  unreadOnly: boolean;
  assignee: ConsoleAssignee;
};

/** The console URL for a set of filters; defaults are left out so the plain URL means "everything". */
export function consoleHref({ companyId, status, unreadOnly, assignee }: ConsoleFilterValues): string {
  const params = new URLSearchParams();
  if (assignee !== "all") params.set("assignee", assignee);
  if (companyId !== null) params.set("company_id", String(companyId));
  if (unreadOnly) params.set("unread", "true");
  if (status !== "all") params.set("is_active", status === "open" ? "true" : "false");
  const query = params.toString();
  return query ? `/console?${query}` : "/console";
}
