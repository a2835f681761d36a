// Sign-in sessions, one row per browser sign-in or issued token pair. Every token carries the
// row's id, and every request checks the row, so revocation takes effect immediately.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../db/client";
import { queryRows } from "../db/sql";
import type { Actor } from "./actor";
import { actorColumns, actorColumnTypes, actorJoin, actorOfRow } from "./actor-rows";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export type SessionKind = "browser" | "api";

export async function createAuthSession(userId: number, kind: SessionKind): Promise<string> {
  const id = randomUUID();
  await db().authSession.create({
    data: { id, userId, kind, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) },
  });
  return id;
}

/**
 * The actor behind a live session, or null when it is unknown, expired or revoked. Every
 * authenticated request asks, so it is one hand-written statement (lib/db/sql.ts).
 */
export async function loadActorBySessionId(sessionId: string): Promise<Actor | null> {
  const [row] = await queryRows(
    actorColumnTypes,
    Prisma.sql`
    SELECT ${actorColumns}
    FROM auth_sessions auth_session
    ${actorJoin(Prisma.raw("auth_session.user_id"))}
    WHERE auth_session.id = ${sessionId} AND auth_session.revoked_at IS NULL
      AND auth_session.expires_at > ${new Date()}::timestamptz`,
  );
  return row ? actorOfRow(row) : null;
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
