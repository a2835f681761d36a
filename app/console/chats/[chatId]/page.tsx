import { SWRConfig } from "swr";
import { Conversation } from "@/components/chat/conversation";
import { loadConversation } from "@/components/chat/load-conversation";

export default async function ConsoleChatPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  const data = await loadConversation("company", chatId, `/console/chats/${chatId}`);
  return (
    <SWRConfig value={{ fallback: data.fallback }}>
      <Conversation key={data.chatId} side="company" chatId={data.chatId} viewerId={data.viewerId} />
    </SWRConfig>
  );
}
