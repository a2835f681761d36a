// Sign-in sessions, one row per browser sign-in or issued token pair. Every token carries the
// row's id, and every request checks the row, so revocation takes effect immediately.
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { type Actor, actorFromUserRow, actorUserSelect } from "./actor";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export type SessionKind = "browser" | "api";

export async function createAuthSession(userId: number, kind: SessionKind): Promise<string> {
  const id = randomUUID();
  await db().authSession.create({
    data: { id, userId, kind, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) },
  });
  return id;
}

/** The actor behind a live session, or null when it is unknown, expired or revoked. */
export async function loadActorBySessionId(sessionId: string): Promise<Actor | null> {
  const session = await db().authSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: actorUserSelect } },
  });
  return session ? actorFromUserRow(session.user) : null;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db().authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Signs a user out everywhere: after a password change, or by their own request. */
export async function revokeAllAuthSessions(userId: number, exceptSessionId?: string): Promise<number> {
  const { count } = await db().authSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
