import { markReadRoute } from "@/lib/compat/chat-routes";
import { methodsOf } from "@/lib/compat/route";

// GET as in the original (its clients call it so); POST as well, for clients that prefer a safe GET.
export const GET = markReadRoute;
export const POST = markReadRoute;

const methods = methodsOf("GET", "POST");
export const PUT = methods.refuse;
export const PATCH = methods.refuse;
export const DELETE = methods.refuse;
export const OPTIONS = methods.options;
