// Turns a presented API key into the actor it acts as, with the scopes it holds.
import { type Actor, actorFromUserRow, actorUserSelect } from "../auth/actor";
import { SCOPES, type Scope } from "../auth/scopes";
import { db } from "../db/client";
import { AppError } from "../errors";
import { parseToken, secretMatches } from "./token";

/** last_used_at is for people deciding which keys to revoke: a minute's precision is plenty. */
export const LAST_USED_PRECISION_MS = 60_000;

export type ApiKeyIdentity = {
  id: number;
  kind: "company" | "personal";
  name: string;
  companyId: number | null;
};
export type AuthenticatedKey = { actor: Actor; scopes: Scope[]; apiKey: ApiKeyIdentity };

const invalid = () => new AppError("unauthenticated", "API key is invalid, expired or revoked.");

/** The actor behind a live key; 401 for anything unknown, wrong, expired or revoked. */
export async function authenticateApiKey(token: string): Promise<AuthenticatedKey> {
  const parsed = parseToken(token);
  if (!parsed) throw invalid();
  const key = await db().apiKey.findUnique({
    where: { publicId: parsed.publicId },
    select: {
      id: true,
      kind: true,
      name: true,
      secretHash: true,
      scopes: true,
      companyId: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: actorUserSelect },
    },
  });
  const now = new Date();
  if (
    !key ||
    key.kind !== parsed.kind ||
    !secretMatches(parsed.secret, key.secretHash) ||
    key.revokedAt ||
    (key.expiresAt && key.expiresAt <= now)
  ) {
    throw invalid();
  }
  const apiKey: ApiKeyIdentity = { id: key.id, kind: parsed.kind, name: key.name, companyId: key.companyId };
  let actor: Actor;
  if (parsed.kind === "company" && key.companyId !== null) {
    actor = companyKeyActor(apiKey, key.companyId);
  } else if (parsed.kind === "personal" && key.user) {
    actor = { ...actorFromUserRow(key.user), apiKey: { id: key.id, name: key.name, kind: "personal" } };
  } else {
    throw invalid();
  }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await touchLastUsed(key.id, now);
  }
  return { actor, scopes: key.scopes.filter(isScope), apiKey };
}

/**
 * A company key acts as the company side of its one company and as nobody else. Its userId is
 * the key's id negated: no user has it, so buyer-side queries, buyer events and per-user limits
 * can never reach a person's data.
 */
function companyKeyActor(apiKey: ApiKeyIdentity, companyId: number): Actor {
  return {
    userId: -apiKey.id,
    email: "",
    name: apiKey.name,
    isAdmin: false,
    companyIds: [companyId],
    directCompany: null,
    apiKey: { id: apiKey.id, name: apiKey.name, kind: "company" },
  };
}

/** Conditional, so concurrent requests of one key write once a minute rather than each. */
async function touchLastUsed(keyId: number, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  await db().apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
    data: { lastUsedAt: now },
  });
}

const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);
