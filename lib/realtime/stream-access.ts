// An event stream may stay open for days; what its caller may see can change meanwhile. The
// stream keeps the credential it was opened with and asks again what that credential may do
// whenever the database says it changed (the "estate_access" notifications of migration
// access_notifications, handled by lib/realtime/hub.ts) and every so often as a backstop. The
// answer is the actor every other request would get now, or why there is none.
import "server-only";
import { loadLiveApiKeyById } from "../api-keys/authenticate-api-key";
import type { Actor } from "../auth/actor";
import type { Scope } from "../auth/scopes";
import { loadActorBySessionId } from "../auth/sessions";

/** What the stream authenticated with: a sign-in session (browser or token pair) or an API key. */
export type StreamCredential = { kind: "session"; sessionId: string } | { kind: "api_key"; keyId: number };

/** Why a stream ends: told to the client in its last frame. */
export type AccessLost = "signed_out" | "key_revoked" | "scope_removed" | "expired";

export type StreamAccess = { actor: Actor } | { lost: AccessLost };

/** The stream route's scope: a key must still hold it to keep its stream. */
const STREAM_SCOPE: Scope = "chats:read";

export async function currentStreamAccess(credential: StreamCredential): Promise<StreamAccess> {
  if (credential.kind === "session") {
    const actor = await loadActorBySessionId(credential.sessionId);
    return actor ? { actor } : { lost: "signed_out" };
  }
  const key = await loadLiveApiKeyById(credential.keyId);
  if (!key) return { lost: "key_revoked" };
  if (!key.scopes.includes(STREAM_SCOPE)) return { lost: "scope_removed" };
  return { actor: key.actor };
}

/** Which open streams an access notification concerns. */
export type AccessChange = { userId?: number; sessionId?: string; apiKeyId?: number };

export function parseAccessChange(payload: string): AccessChange | null {
  try {
    const data = JSON.parse(payload) as { user_id?: unknown; session_id?: unknown; api_key_id?: unknown };
    return {
      userId: typeof data.user_id === "number" ? data.user_id : undefined,
      sessionId: typeof data.session_id === "string" ? data.session_id : undefined,
      apiKeyId: typeof data.api_key_id === "number" ? data.api_key_id : undefined,
    };
  } catch {
    return null;
  }
}

/** Whether a stream of this actor and credential is one the change names. */
export function concerns(change: AccessChange, actor: Actor, credential: StreamCredential): boolean {
  if (credential.kind === "session" && credential.sessionId === change.sessionId) return true;
  if (credential.kind === "api_key" && credential.keyId === change.apiKeyId) return true;
  // A user's change reaches their sessions and their personal keys (which act as them); a
  // company key's userId is negative and never matches.
  return change.userId !== undefined && actor.userId === change.userId;
}

/** Two actors that may see the same things. */
export const sameAccess = (a: Actor, b: Actor) =>
  a.isAdmin === b.isAdmin &&
  a.userId === b.userId &&
  a.companyIds.length === b.companyIds.length &&
  a.companyIds.every((id, index) => b.companyIds[index] === id);
