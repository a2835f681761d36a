import { SWRConfig } from "swr";
import { Conversation } from "@/components/chat/conversation";
import { loadConversation } from "@/components/chat/load-conversation";

export default async function BuyerChatPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  const data = await loadConversation("buyer", chatId, `/inbox/${chatId}`);
  return (
    <SWRConfig value={{ fallback: data.fallback }}>
      <Conversation
        key={data.chatId}
        side="buyer"
        chatId={data.chatId}
        viewerId={data.viewerId}
        viewerName={data.viewerName}
      />
    </SWRConfig>
  );
}
