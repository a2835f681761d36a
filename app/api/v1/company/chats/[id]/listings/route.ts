import { toListing } from "@/lib/api/listing-serialize";
import { ChatListingsSchema } from "@/lib/api/v1-schemas";
import { requireCaller } from "@/lib/http/authenticate";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { listListingsOfChat } from "@/lib/listings/read-listings";

/** Every listing the buyer asked about in this chat, the most recent first. */
export const GET = v1Route(async ({ request, params }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const listings = await listListingsOfChat(actor, "company", parseId(params.id, "Chat"));
  return jsonResponse(ChatListingsSchema, { data: listings.map(toListing) });
});
