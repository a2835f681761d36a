// Input and output schemas of API keys (the versioned API and the settings page share them).
import { z } from "zod";
import { SCOPES } from "../auth/scopes";
import { CursorQuery } from "../pagination";
import { DbIdQuerySchema, DbIdSchema, isStorableText, STORABLE_TEXT_MESSAGE } from "../validation";

/** Long enough for a yearly rotation with slack; a key that never expires is a choice, not a default. */
export const MAX_KEY_LIFETIME_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export const ScopeSchema = z.enum(SCOPES);
const Timestamp = z.string().describe("ISO 8601, UTC");

export const CreateApiKeyBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Give the key a name.")
      .max(100)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE),
    scopes: z
      .array(ScopeSchema)
      .min(1, "Choose at least one scope.")
      .max(SCOPES.length)
      .refine((list) => new Set(list).size === list.length, "List each scope once."),
    company_id: z
      .number({ error: "company_id must be a number." })
      .pipe(DbIdSchema)
      .optional()
      .describe("Make a company key for this company; omit for a personal access token"),
    expires_in_days: z.number().int().min(1).max(MAX_KEY_LIFETIME_DAYS).optional(),
    expires_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((body) => body.expires_in_days === undefined || body.expires_at === undefined, {
    message: "Give expires_in_days or expires_at, not both.",
    path: ["expires_at"],
  })
  .refine(
    (body) => {
      if (body.expires_at === undefined) return true;
      const at = Date.parse(body.expires_at);
      return at > Date.now() && at <= Date.now() + MAX_KEY_LIFETIME_DAYS * DAY_MS;
    },
    {
      message: `Must be in the future and at most ${MAX_KEY_LIFETIME_DAYS} days away.`,
      path: ["expires_at"],
    },
  )
  // One example for the docs: field by field it would give both expiries, which are exclusive.
  .meta({
    examples: [
      { name: "CRM sync", scopes: ["listings:write", "leads:write"], company_id: 42, expires_in_days: 90 },
    ],
  });
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyBody>;

export const ApiKeyListQuery = CursorQuery.extend({
  company_id: DbIdQuerySchema.optional().describe("List this company's keys instead of your personal tokens"),
});

export const ApiKeySchema = z.object({
  id: z.number().int(),
  kind: z.enum(["company", "personal"]),
  name: z.string(),
  prefix: z.string().describe("The token's public start, e.g. esk_1a2b3c4d5e6f7a8b"),
  scopes: z.array(ScopeSchema),
  company_id: z.number().int().nullable(),
  created_by: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  created_at: Timestamp,
  last_used_at: Timestamp.nullable().describe("Updated at most once a minute"),
  expires_at: Timestamp.nullable(),
  revoked_at: Timestamp.nullable(),
});

export const CreatedApiKeySchema = ApiKeySchema.extend({
  secret: z.string().describe("The whole token. Shown once: only its hash is stored."),
});

export const ApiKeyPageSchema = z.object({ data: z.array(ApiKeySchema), next_cursor: z.string().nullable() });

/** The absolute expiry a create request asks for, or null for a key that does not expire. */
export function expiryOf(input: Pick<CreateApiKeyInput, "expires_in_days" | "expires_at">): Date | null {
  if (input.expires_at !== undefined) return new Date(input.expires_at);
  if (input.expires_in_days !== undefined) return new Date(Date.now() + input.expires_in_days * DAY_MS);
  return null;
}
