import { listBuyerUnreadByChat } from "@/lib/chats/unread";
import { requireBearerActor } from "@/lib/compat/auth";
import { compatRoute, otherMethods } from "@/lib/compat/route";
import { CompatUnreadRowsSchema } from "@/lib/compat/schemas";
import { jsonResponse } from "@/lib/http/route";

/** One row per chat of the caller (as a buyer): the company's messages they have not read. */
export const GET = compatRoute(async ({ request }) => {
  const actor = await requireBearerActor(request);
  const rows = await listBuyerUnreadByChat(actor);
  return jsonResponse(
    CompatUnreadRowsSchema,
    rows.map((row) => ({ id: row.chatId, company__name: row.companyName, unread: row.unread })),
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
