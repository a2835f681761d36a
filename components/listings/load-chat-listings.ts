// Server only (imported by the console's conversation page): the context panel's first data,
// read through lib/ with the page's actor, in the API's JSON shape and under the API's URL.
import { notFound } from "next/navigation";
import { toListing } from "@/lib/api/listing-serialize";
import { ChatListingsSchema } from "@/lib/api/v1-schemas";
import { chatListingsUrl } from "@/lib/client/chat-urls";
import { AppError } from "@/lib/errors";
import { listListingsOfChat } from "@/lib/listings/read-listings";
import { requireChat } from "../chat/load-conversation";
import type { ChatListings } from "./chat-listings-panel";

/** SWR fallback data for the panel: `{ [url]: { data: listings } }`. */
export async function loadChatListings(
  rawId: string,
  returnTo: string,
): Promise<Record<string, ChatListings>> {
  const { actor, chatId } = await requireChat("company", rawId, returnTo);
  try {
    const listings = await listListingsOfChat(actor, "company", chatId);
    return { [chatListingsUrl(chatId)]: ChatListingsSchema.parse({ data: listings.map(toListing) }) };
  } catch (error) {
    // Access ended between the two reads: the same answer as if it never existed.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
