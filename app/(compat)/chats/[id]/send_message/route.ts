import { sendRoute } from "@/lib/compat/chat-routes";
import { methodsOf } from "@/lib/compat/route";

export const POST = sendRoute("buyer");

const methods = methodsOf("POST");
export const GET = methods.refuse;
export const PUT = methods.refuse;
export const PATCH = methods.refuse;
export const DELETE = methods.refuse;
export const OPTIONS = methods.options;
