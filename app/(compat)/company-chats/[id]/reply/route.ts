import { sendRoute } from "@/lib/compat/chat-routes";
import { otherMethods } from "@/lib/compat/route";

export const POST = sendRoute("company");

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
