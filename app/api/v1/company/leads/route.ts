import { LeadResultSchema } from "@/lib/api/v1-schemas";
import { AppError } from "@/lib/errors";
import { requireCaller } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { queryOf } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { createLead } from "@/lib/leads/create-lead";
import { LeadBodySchema } from "@/lib/leads/schemas";
import { CompanyQuerySchema } from "@/lib/listings/schemas";

/**
 * A lead from a portal or a contact form. Idempotency-Key is required: portals retry, and the
 * same lead twice must be one message.
 */
export const POST = v1Route(async ({ request }) => {
  const { actor } = await requireCaller(request, "leads:write");
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) {
    throw new AppError("validation_failed", "Send an Idempotency-Key with every lead.", [
      { field: "Idempotency-Key", message: "Required: retries of one lead must carry the same key." },
    ]);
  }
  const { company_id } = CompanyQuerySchema.parse(queryOf(request));
  const lead = await readJson(request, LeadBodySchema);
  const result = await createLead(actor, { companyId: company_id, lead, idempotencyKey: key });
  return jsonResponse(
    LeadResultSchema,
    {
      chat_id: result.chatId,
      buyer_id: result.buyerId,
      message_id: result.messageId,
      created: result.created,
    },
    { status: result.created ? 201 : 200 },
  );
});
