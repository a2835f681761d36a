import type { Metadata } from "next";
import type { ReactNode } from "react";
import { guardChatSegment, lookUpChat } from "@/components/chat/load-conversation";

type Params = Promise<{ chatId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await lookUpChat("buyer", (await params).chatId);
  return { title: found.kind === "ok" ? found.chat.company.name : "Conversation" };
}

// The access check runs here, above loading.tsx, so another person's chat is a 404 response
// and not a 200 whose streamed body later turns into the not-found page.
export default async function BuyerChatLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { chatId } = await params;
  await guardChatSegment("buyer", chatId, `/inbox/${chatId}`);
  return children;
}
