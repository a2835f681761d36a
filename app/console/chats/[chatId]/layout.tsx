import type { Metadata } from "next";
import type { ReactNode } from "react";
import { guardChatSegment, lookUpChat } from "@/components/chat/load-conversation";
import { buyerNameOf } from "@/lib/chats/select";

type Params = Promise<{ chatId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await lookUpChat("company", (await params).chatId);
  return {
    title: found.kind === "ok" ? `${buyerNameOf(found.chat)} · ${found.chat.company.name}` : "Conversation",
  };
}

// The access check runs here, above loading.tsx, so a chat of a company the viewer does not
// represent is a 404 response and not a 200 whose streamed body later turns into the 404 page.
export default async function ConsoleChatLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Params;
}) {
  const { chatId } = await params;
  await guardChatSegment("company", chatId, `/console/chats/${chatId}`);
  return children;
}
