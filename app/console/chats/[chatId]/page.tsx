import { SWRConfig } from "swr";
import { Conversation } from "@/components/chat/conversation";
import { CONSOLE_CHAT_GRID } from "@/components/chat/conversation-frame";
import { loadConversation } from "@/components/chat/load-conversation";
import { loadChatListings } from "@/components/listings/load-chat-listings";
import { ChatContextPanel } from "@/components/workspace/chat-context-panel";
import { loadWorkspace } from "@/components/workspace/load-workspace";

export default async function ConsoleChatPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  const here = `/console/chats/${chatId}`;
  const [data, listings, workspace] = await Promise.all([
    loadConversation("company", chatId, here),
    loadChatListings(chatId, here),
    loadWorkspace(chatId, here),
  ]);
  return (
    <SWRConfig value={{ fallback: { ...data.fallback, ...listings, ...workspace.fallback } }}>
      {/* Conversation and context side by side on a wide screen; the context below it on a phone. */}
      <div className={CONSOLE_CHAT_GRID}>
        <Conversation
          key={data.chatId}
          side="company"
          chatId={data.chatId}
          viewerId={data.viewerId}
          viewerName={data.viewerName}
        />
        <ChatContextPanel
          key={`context-${data.chatId}`}
          chatId={data.chatId}
          viewerId={data.viewerId}
          representatives={workspace.representatives}
        />
      </div>
    </SWRConfig>
  );
}
