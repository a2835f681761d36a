import { markReadRoute } from "@/lib/compat/chat-routes";
import { otherMethods } from "@/lib/compat/route";

// GET as in the original (its clients call it so); POST as well, for clients that prefer a safe GET.
export const GET = markReadRoute;
export const POST = markReadRoute;

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
