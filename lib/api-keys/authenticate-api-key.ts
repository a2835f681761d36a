// Turns a presented API key into the actor it acts as, with the scopes it holds.
import "server-only";
import type { Actor } from "../auth/actor";
import { actorColumns, actorColumnTypes, actorJoin, actorOfRow } from "../auth/actor-rows";
import { SCOPES, type Scope } from "../auth/scopes";
import { db, Prisma } from "../db/client";
import { int, nullable, type RowOf, text, textArray, timestamptz } from "../db/columns";
import { queryRows } from "../db/sql";
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
export type AuthenticatedKey = {
  actor: Actor;
  scopes: Scope[];
  apiKey: ApiKeyIdentity;
  expiresAt: Date | null;
};

const keyColumnTypes = {
  ...actorColumnTypes,
  id: int,
  kind: text,
  name: text,
  secret_hash: text,
  scopes: textArray,
  company_id: nullable(int),
  last_used_at: nullable(timestamptz),
  expires_at: nullable(timestamptz),
  revoked_at: nullable(timestamptz),
};

const invalid = () => new AppError("unauthenticated", "API key is invalid, expired or revoked.");

/** The actor behind a live key; 401 for anything unknown, wrong, expired or revoked. */
export async function authenticateApiKey(token: string): Promise<AuthenticatedKey> {
  const parsed = parseToken(token);
  if (!parsed) throw invalid();
  // Every request with a key asks: one hand-written statement (lib/db/sql.ts).
  const [key] = await selectKeys(Prisma.sql`api_key.public_id = ${parsed.publicId}`);
  const now = new Date();
  if (!key || key.kind !== parsed.kind || !secretMatches(parsed.secret, key.secret_hash)) throw invalid();
  const live = liveKeyOf(key, now);
  if (!live) throw invalid();
  if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() >= LAST_USED_PRECISION_MS) {
    await touchLastUsed(key.id, now);
  }
  return live;
}

/**
 * What a key presented earlier may do now, or null once it is revoked, expired or gone: an open
 * event stream asks again when its key changes (lib/realtime/stream-access.ts).
 */
export async function loadLiveApiKeyById(keyId: number): Promise<AuthenticatedKey | null> {
  const [key] = await selectKeys(Prisma.sql`api_key.id = ${keyId}`);
  return key ? liveKeyOf(key, new Date()) : null;
}

type KeyRow = RowOf<typeof keyColumnTypes>;

function selectKeys(where: Prisma.Sql): Promise<KeyRow[]> {
  return queryRows(
    keyColumnTypes,
    Prisma.sql`
    SELECT api_key.id, api_key.kind, api_key.name, api_key.secret_hash, api_key.scopes,
           api_key.company_id, api_key.last_used_at, api_key.expires_at, api_key.revoked_at,
           ${actorColumns}
    FROM api_keys api_key
    ${actorJoin(Prisma.raw("api_key.user_id"))}
    WHERE ${where}`,
  );
}

/** The key as the actor it acts as, unless it is revoked or expired. */
function liveKeyOf(key: KeyRow, now: Date): AuthenticatedKey | null {
  if (key.revoked_at || (key.expires_at && key.expires_at <= now)) return null;
  const kind = key.kind === "company" ? "company" : key.kind === "personal" ? "personal" : null;
  if (!kind) return null;
  const apiKey: ApiKeyIdentity = { id: key.id, kind, name: key.name, companyId: key.company_id };
  const person = actorOfRow(key);
  let actor: Actor;
  if (kind === "company" && key.company_id !== null) actor = companyKeyActor(apiKey, key.company_id);
  else if (kind === "personal" && person) actor = { ...person, apiKey: { id: key.id, name: key.name, kind } };
  else return null;
  return { actor, scopes: key.scopes.filter(isScope), apiKey, expiresAt: key.expires_at };
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
