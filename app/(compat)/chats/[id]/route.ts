import { chatRoute } from "@/lib/compat/chat-routes";
import { otherMethods } from "@/lib/compat/route";

export const GET = chatRoute("buyer");

// The original's viewset let a buyer PATCH a chat's company and DELETE a chat (then answered 500).
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
