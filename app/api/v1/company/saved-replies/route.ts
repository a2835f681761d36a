import { SavedReplyListSchema, SavedReplySchema } from "@/lib/api/v1-schemas";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { CompanyQuerySchema } from "@/lib/listings/schemas";
import { createSavedReply, listSavedReplies, savedReplyJson } from "@/lib/saved-replies/saved-replies";
import { SavedReplyBodySchema } from "@/lib/saved-replies/schemas";

/** The company's saved replies by shortcut: every representative reads them to answer chats. */
export const GET = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "chats:read");
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  const replies = await listSavedReplies(actor, company_id);
  return jsonResponse(SavedReplyListSchema, { data: replies.map(savedReplyJson) });
});

/** A new saved reply; a shortcut the company already uses is 409. */
export const POST = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "settings:write");
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  const body = await readJson(request, SavedReplyBodySchema);
  const reply = await createSavedReply(actor, { companyId: company_id, body });
  return jsonResponse(SavedReplySchema, savedReplyJson(reply), { status: 201 });
});
