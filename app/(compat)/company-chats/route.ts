import { listChatsRoute } from "@/lib/compat/chat-routes";
import { otherMethods } from "@/lib/compat/route";

/** Chats of every company the caller represents (direct link or `company_{id}` group); admins see all. */
export const GET = listChatsRoute("company");

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
