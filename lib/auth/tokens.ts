// Bearer tokens for API clients: a JWT pair shaped like the original's (simplejwt) so its
// clients keep decoding the claims they read, bound to a revocable session row.
import "server-only";
import { randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { authSecret } from "../env";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import { createAuthSession, loadActorBySessionId } from "./sessions";

export const ACCESS_TOKEN_TTL_S = 7 * 24 * 60 * 60; // the original's access tokens lived 7 days
export const REFRESH_TOKEN_TTL_S = 30 * 24 * 60 * 60;
const ISSUER = "estate-chat";

type TokenType = "access" | "refresh";

// Imported once per secret: given raw bytes, jose imports a WebCrypto key on every sign and
// verify, a cost every authenticated request paid.
let cachedKey: { secret: string; key: Promise<CryptoKey> } | undefined;

function signingKey(): Promise<CryptoKey> {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    const bytes = new TextEncoder().encode(`bearer-tokens:${secret}`);
    const key = crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

function accessClaims(actor: Actor) {
  return {
    user_id: actor.userId,
    email: actor.email,
    name: actor.name,
    is_staff: actor.isAdmin,
    is_company_owner: actor.companyIds.length > 0,
    ...(actor.directCompany
      ? { company_id: actor.directCompany.id, company_name: actor.directCompany.name }
      : {}),
  };
}

async function signToken(type: TokenType, sessionId: string, claims: object, ttlSeconds: number) {
  return new SignJWT({ ...claims, token_type: type, sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(await signingKey());
}

export type TokenPair = { access: string; refresh: string; sessionId: string };

/** Opens an API session for the actor and returns its token pair. */
export async function issueTokenPair(actor: Actor): Promise<TokenPair> {
  const sessionId = await createAuthSession(actor.userId, "api");
  const [access, refresh] = await Promise.all([
    signToken("access", sessionId, accessClaims(actor), ACCESS_TOKEN_TTL_S),
    signToken("refresh", sessionId, {}, REFRESH_TOKEN_TTL_S),
  ]);
  return { access, refresh, sessionId };
}

async function verifyToken(token: string, type: TokenType): Promise<{ sessionId: string; expiresAt: Date }> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), { issuer: ISSUER, algorithms: ["HS256"] });
    if (payload.token_type !== type || typeof payload.sid !== "string" || typeof payload.exp !== "number") {
      throw new Error("wrong type");
    }
    return { sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof Error) {
      throw new AppError("unauthenticated", "Token is invalid or expired.");
    }
    throw error;
  }
}

/**
 * The actor and session of an access token, and when the token expires; 401 for anything
 * forged, expired or revoked.
 */
export async function authenticateAccessToken(
  token: string,
): Promise<{ actor: Actor; sessionId: string; expiresAt: Date }> {
  const { sessionId, expiresAt } = await verifyToken(token, "access");
  const actor = await loadActorBySessionId(sessionId);
  if (!actor) throw new AppError("unauthenticated", "Token is invalid or expired.");
  return { actor, sessionId, expiresAt };
}

/** A new access token for a live refresh token. */
export async function refreshAccessToken(refreshToken: string): Promise<string> {
  const { sessionId } = await verifyToken(refreshToken, "refresh");
  const actor = await loadActorBySessionId(sessionId);
  if (!actor) throw new AppError("unauthenticated", "Token is invalid or expired.");
  return signToken("access", sessionId, accessClaims(actor), ACCESS_TOKEN_TTL_S);
}
