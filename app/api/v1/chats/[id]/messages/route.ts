import { listMessagesRoute, sendMessageRoute } from "@/lib/api/v1-chat-routes";

export const GET = listMessagesRoute("buyer");
export const POST = sendMessageRoute("buyer");
