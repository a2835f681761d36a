import { listChatsRoute } from "@/lib/compat/chat-routes";
import { methodsOf } from "@/lib/compat/route";

/** Chats of every company the caller represents (direct link or `company_{id}` group); admins see all. */
export const GET = listChatsRoute("company");

const methods = methodsOf("GET");
export const POST = methods.refuse;
export const PUT = methods.refuse;
export const PATCH = methods.refuse;
export const DELETE = methods.refuse;
export const OPTIONS = methods.options;
