import "server-only";
import type { Actor } from "../auth/actor";
import type { Scope } from "../auth/scopes";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { managesCompany } from "./scope";
import { type ApiKeyRecord, apiKeySelect } from "./select";
import { generateToken } from "./token";

export type CreateApiKeyOptions = {
  name: string;
  scopes: Scope[];
  /** A company key for this company; absent for a personal access token. */
  companyId?: number;
  expiresAt: Date | null;
};

/** Keys are made by people only: a key that could mint keys would outlive its own revocation. */
export function assertPerson(actor: Actor): void {
  if (actor.apiKey) throw new AppError("forbidden", "API keys cannot manage API keys; sign in as a person.");
}

/**
 * Makes a key and returns it with its token. The token is returned here once and never again:
 * only the hash of its secret is stored.
 */
export async function createApiKey(
  actor: Actor,
  options: CreateApiKeyOptions,
): Promise<{ key: ApiKeyRecord; token: string }> {
  assertPerson(actor);
  const kind = options.companyId === undefined ? "personal" : "company";
  if (options.companyId !== undefined) {
    // Someone else's company is not found, as everywhere; so is one that does not exist.
    if (!managesCompany(actor, options.companyId)) throw notFound("Company");
    const company = await db().company.findUnique({ where: { id: options.companyId }, select: { id: true } });
    if (!company) throw notFound("Company");
  }
  if (options.expiresAt && options.expiresAt.getTime() <= Date.now()) {
    throw new AppError("validation_failed", "The expiry must be in the future.", [
      { field: "expires_at", message: "Must be in the future." },
    ]);
  }
  const generated = generateToken(kind);
  const key = await db().apiKey.create({
    data: {
      kind,
      name: options.name,
      publicId: generated.publicId,
      secretHash: generated.secretHash,
      scopes: [...new Set(options.scopes)],
      companyId: options.companyId ?? null,
      userId: actor.userId,
      expiresAt: options.expiresAt,
    },
    select: apiKeySelect,
  });
  return { key, token: generated.token };
}
