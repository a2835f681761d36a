import { typingRoute } from "@/lib/api/v1-chat-routes";

export const POST = typingRoute("company");
