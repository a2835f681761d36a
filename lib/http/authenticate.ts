// Who is calling: a bearer token (API clients) or the browser's Auth.js session cookie.
// A request that presents a bearer token is judged by it alone, even if it has a cookie.
import { auth } from "@/auth";
import { requireAdmin } from "../admin/require-admin";
import type { Actor } from "../auth/actor";
import { loadActorBySessionId } from "../auth/sessions";
import { authenticateAccessToken } from "../auth/tokens";
import { AppError } from "../errors";

export type Caller = { actor: Actor; sessionId: string; via: "bearer" | "session" };

export async function resolveCaller(request: Request): Promise<Caller | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthenticated", "Use the header Authorization: Bearer <token>.");
    return { ...(await authenticateAccessToken(match[1])), via: "bearer" };
  }
  // A cookie rides along with requests other sites make; the browser says when one did.
  // Such a request is treated as anonymous (bearer tokens are never sent implicitly).
  if (request.headers.get("sec-fetch-site") === "cross-site") return null;
  const session = await auth();
  if (!session?.sid) return null;
  const actor = await loadActorBySessionId(session.sid);
  return actor ? { actor, sessionId: session.sid, via: "session" } : null;
}

/**
 * An admin caller, checked before anything else is parsed: a non-admin learns nothing about
 * admin routes, not even from a validation error. lib/admin checks again (defence in depth).
 */
export async function requireAdminCaller(request: Request): Promise<Caller> {
  const caller = await requireCaller(request);
  requireAdmin(caller.actor);
  return caller;
}

export async function requireCaller(request: Request): Promise<Caller> {
  const caller = await resolveCaller(request);
  if (!caller) throw new AppError("unauthenticated", "Authentication credentials were not provided.");
  return caller;
}
