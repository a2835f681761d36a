// Sign-in sessions, one row per browser sign-in or issued token pair. Every token carries the
// row's id, and every request checks the row, so revocation takes effect immediately.
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../db/client";
import { queryRows } from "../db/sql";
import { type Actor, actorFromUserRow } from "./actor";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export type SessionKind = "browser" | "api";

export async function createAuthSession(userId: number, kind: SessionKind): Promise<string> {
  const id = randomUUID();
  await db().authSession.create({
    data: { id, userId, kind, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) },
  });
  return id;
}

type SessionActorRow = {
  id: number;
  email: string;
  name: string;
  is_admin: boolean;
  company_id: number | null;
  company_name: string | null;
  group_names: string[];
};

/**
 * The actor behind a live session, or null when it is unknown, expired or revoked. Every
 * authenticated request asks, so it is one hand-written statement (lib/db/sql.ts).
 */
export async function loadActorBySessionId(sessionId: string): Promise<Actor | null> {
  const [row] = await queryRows<SessionActorRow>(Prisma.sql`
    SELECT u.id, u.email, u.name, u.is_admin, c.id AS company_id, c.name AS company_name,
           ARRAY(SELECT g.name FROM group_members m JOIN groups g ON g.id = m.group_id
                 WHERE m.user_id = u.id) AS group_names
    FROM auth_sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN companies c ON c.id = u.company_id
    WHERE s.id = ${sessionId} AND s.revoked_at IS NULL AND s.expires_at > ${new Date()}::timestamptz`);
  if (!row) return null;
  return actorFromUserRow({
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin,
    company: row.company_id === null ? null : { id: row.company_id, name: row.company_name ?? "" },
    memberships: row.group_names.map((name) => ({ group: { name } })),
  });
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
