import { listMessagesRoute, sendMessageRoute } from "@/lib/api/v1-chat-routes";

export const GET = listMessagesRoute("company");
export const POST = sendMessageRoute("company");
