import { markReadRoute } from "@/lib/api/v1-chat-routes";

export const POST = markReadRoute("company");
