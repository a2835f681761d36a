// Listings (the company's homes, by their own external ids), the buyer's view of one, the
// listings a chat is about, and leads from portals and contact forms.
import { z } from "zod";
import { PathIdSchema } from "../../../http/params";
import { LeadBodySchema } from "../../../leads/schemas";
import {
  BulkListingsSchema,
  CompanyQuerySchema,
  ListingInputSchema,
  ListingPageQuerySchema,
  ListingPathSchema,
  MAX_BULK_BODY_BYTES,
  MAX_BULK_LISTINGS,
} from "../../../listings/schemas";
import {
  ChatListingsSchema,
  LeadResultSchema,
  ListingBulkResultSchema,
  ListingPageSchema,
  ListingSchema,
} from "../../v1-schemas";
import type { Operation } from "../operation";
import { ChatIdParams, COMPANY_ERRORS, WHICH_COMPANY } from "./shared";

const TAGS = ["Listings"];
const listings = { tags: TAGS, access: "user", scope: "listings:write" } as const;
const base = "/api/v1/company/listings";

const ListingParams = ListingPathSchema.extend({
  external_id: ListingPathSchema.shape.external_id.describe(
    "The company's own id of the listing (URL-encoded): 1–200 characters, no control characters",
  ),
});

export const listingOperations: Operation[] = [
  {
    ...listings,
    method: "get",
    path: base,
    operationId: "listCompanyListings",
    summary: "Listings of the companies I represent",
    description:
      "Newest first, withdrawn ones included unless `status` filters them out. Without " +
      "`company_id`: every company the caller answers for (all of them for an admin).",
    query: ListingPageQuerySchema,
    responses: { 200: { description: "A page of listings.", schema: ListingPageSchema } },
    errors: { 404: COMPANY_ERRORS[404] },
  },
  {
    ...listings,
    method: "put",
    path: base,
    operationId: "upsertCompanyListings",
    summary: `Create or update up to ${MAX_BULK_LISTINGS} listings at once (a nightly sync)`,
    description:
      `One call for a whole feed: each listing is created or updated by its \`external_id\` ` +
      "(each at most once per call), all in one statement. A listing sent exactly as stored is " +
      "left alone (its `updated_at` keeps meaning last changed). Listings the feed no longer " +
      `names are not touched: withdraw them with DELETE. ${WHICH_COMPANY}`,
    query: CompanyQuerySchema,
    body: BulkListingsSchema,
    maxBodyBytes: MAX_BULK_BODY_BYTES,
    responses: {
      200: {
        description: "How many were created, updated and left unchanged.",
        schema: ListingBulkResultSchema,
      },
    },
    errors: COMPANY_ERRORS,
  },
  {
    ...listings,
    method: "get",
    path: `${base}/{external_id}`,
    operationId: "getCompanyListing",
    summary: "One of my company's listings, by its external id",
    description: WHICH_COMPANY,
    params: ListingParams,
    query: CompanyQuerySchema,
    responses: { 200: { description: "The listing.", schema: ListingSchema } },
    errors: COMPANY_ERRORS,
  },
  {
    ...listings,
    method: "put",
    path: `${base}/{external_id}`,
    operationId: "upsertCompanyListing",
    summary: "Create or update a listing",
    description:
      "Replaces the listing with this external id (fields left out take their defaults), or " +
      "creates it. A price is `{amount, currency}` or null (price on request); `url` and " +
      `\`image_url\` are http(s) links, never fetched by the server. ${WHICH_COMPANY}`,
    params: ListingParams,
    query: CompanyQuerySchema,
    body: ListingInputSchema,
    responses: {
      200: { description: "The listing existed and is updated.", schema: ListingSchema },
      201: { description: "The listing was created.", schema: ListingSchema },
    },
    errors: COMPANY_ERRORS,
  },
  {
    ...listings,
    method: "delete",
    path: `${base}/{external_id}`,
    operationId: "withdrawCompanyListing",
    summary: "Withdraw a listing",
    description:
      "The listing is not removed: its status becomes `withdrawn` and the chats that asked about " +
      `it keep showing it, marked as such. Withdrawing twice is harmless. ${WHICH_COMPANY}`,
    params: ListingParams,
    query: CompanyQuerySchema,
    responses: { 200: { description: "The listing, withdrawn.", schema: ListingSchema } },
    errors: COMPANY_ERRORS,
  },
  {
    method: "get",
    path: "/api/v1/listings/{id}",
    operationId: "getListing",
    summary: "A listing, as a buyer sees it",
    description:
      "Any company's listing, sold and withdrawn ones included (a chat about one still links to " +
      "it). Ask about it with POST /api/v1/chats `{company_id, listing_id, content}`.",
    tags: TAGS,
    access: "user",
    scope: "chats:read",
    params: z.object({ id: PathIdSchema.describe("The listing's id") }),
    responses: { 200: { description: "The listing.", schema: ListingSchema } },
    errors: { 403: "A company key: it acts for its company, never as a buyer." },
  },
  {
    method: "get",
    path: "/api/v1/company/chats/{id}/listings",
    operationId: "listCompanyChatListings",
    summary: "The listings the buyer asked about in a chat",
    description: "The most recently asked about first (at most 50); withdrawn and sold ones too.",
    tags: ["Company chats"],
    access: "user",
    scope: "chats:read",
    params: ChatIdParams,
    responses: { 200: { description: "The listings.", schema: ChatListingsSchema } },
  },
  {
    method: "post",
    path: "/api/v1/company/leads",
    operationId: "createLead",
    summary: "Post a lead from a portal or a contact form",
    description:
      "Finds the buyer by `email` (or makes a contact without a password), gets or starts their " +
      "chat with the company (reopening it if closed), and posts `message` as the buyer's, marked " +
      'with its `source` ("via {source}" wherever it is shown) and, with `listing_external_id`, ' +
      "about that listing. The company sees what the lead said (its name, email, phone), nothing " +
      "more of an account the email may belong to. The same lead sent again with the same " +
      "`Idempotency-Key` is the same message. A `lead.created` event (company side only) and " +
      `webhook follow. ${WHICH_COMPANY}`,
    tags: ["Leads"],
    access: "user",
    scope: "leads:write",
    query: CompanyQuerySchema,
    body: LeadBodySchema,
    idempotent: "required",
    responses: {
      200: {
        description: "The lead continued the buyer's existing chat (or was posted already).",
        schema: LeadResultSchema,
      },
      201: { description: "The lead started the chat.", schema: LeadResultSchema },
    },
    errors: {
      ...COMPANY_ERRORS,
      404: `${COMPANY_ERRORS[404]} Or \`listing_external_id\` names no listing of the company.`,
    },
  },
];
