import { chatRoute } from "@/lib/compat/chat-routes";
import { methodsOf } from "@/lib/compat/route";

export const GET = chatRoute("company");

const methods = methodsOf("GET");
export const POST = methods.refuse;
export const PUT = methods.refuse;
export const PATCH = methods.refuse;
export const DELETE = methods.refuse;
export const OPTIONS = methods.options;
