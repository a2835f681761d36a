// The API key token format: `<prefix>_<public id>_<secret>`. The prefix says what it is (secret
// scanners and people recognise it), the public id finds the row, and only the secret's hash is
// stored. Secrets are 32 random bytes, so SHA-256 suffices: there is nothing to brute-force.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKeyKind } from "../auth/actor";

export const TOKEN_PREFIX: Record<ApiKeyKind, string> = { company: "esk", personal: "esp" };

const TOKEN_PATTERN = /^(esk|esp)_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export type ParsedToken = { kind: ApiKeyKind; publicId: string; secret: string };

/** Whether a bearer credential is meant to be an API key (and not a JWT access token). */
export const looksLikeApiKey = (token: string) => /^es[kp]_/.test(token);

export function generateToken(kind: ApiKeyKind): ParsedToken & { token: string; secretHash: string } {
  const publicId = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return {
    kind,
    publicId,
    secret,
    token: `${TOKEN_PREFIX[kind]}_${publicId}_${secret}`,
    secretHash: hashSecret(secret),
  };
}

export function parseToken(token: string): ParsedToken | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, prefix, publicId = "", secret = ""] = match;
  return { kind: prefix === "esk" ? "company" : "personal", publicId, secret };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Constant-time: how much of a guessed secret matched must not show in the response time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** What lists show of a key: enough to recognise it, useless to an attacker. */
export const displayPrefix = (kind: ApiKeyKind, publicId: string) => `${TOKEN_PREFIX[kind]}_${publicId}`;
