import { toListing } from "@/lib/api/listing-serialize";
import { ListingSchema } from "@/lib/api/v1-schemas";
import { requireUserCaller } from "@/lib/http/authenticate";
import { parseId } from "@/lib/http/params";
import { jsonResponse, v1Route } from "@/lib/http/route";
import { getListingForBuyer } from "@/lib/listings/read-listings";

/** A listing as a buyer sees it before asking about it (any company's; sold and withdrawn too). */
export const GET = v1Route(async ({ request, params }) => {
  await requireUserCaller(request, "chats:read");
  return jsonResponse(ListingSchema, toListing(await getListingForBuyer(parseId(params.id, "Listing"))));
});
