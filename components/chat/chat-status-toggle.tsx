"use client";

import { useSWRConfig } from "swr";
import type { ApiChat } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import { chatUrl, isChatListKey } from "@/lib/client/chat-urls";
import { useApiAction } from "../ui/use-api-action";

/** Console only: closes or reopens the chat (PATCH {is_active}); the chat's cache takes the answer. */
export function ChatStatusToggle({ chat }: { chat: ApiChat }) {
  const { mutate } = useSWRConfig();
  const action = useApiAction();
  const url = chatUrl("company", chat.id);

  const toggle = () =>
    action.run(async () => {
      const updated = await apiFetch<ApiChat>(url, { method: "PATCH", body: { is_active: !chat.is_active } });
      await mutate(url, updated, { revalidate: false });
      void mutate(isChatListKey);
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={action.pending}
        aria-busy={action.pending || undefined}
        className={`rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 ${
          chat.is_active
            ? "border-zinc-300 text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
            : "border-blue-600 bg-blue-600 text-white hover:bg-blue-700"
        }`}
      >
        {chat.is_active ? "Close chat" : "Reopen chat"}
      </button>
      {action.notice && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {action.notice.text}
        </p>
      )}
    </div>
  );
}
