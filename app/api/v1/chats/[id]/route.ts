import { chatRoute } from "@/lib/api/v1-chat-routes";

export const GET = chatRoute("buyer");
