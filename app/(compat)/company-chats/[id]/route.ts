import { chatRoute } from "@/lib/compat/chat-routes";
import { otherMethods } from "@/lib/compat/route";

export const GET = chatRoute("company");

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
