// Who is calling: a bearer token (API clients) or the browser's Auth.js session cookie.
// A request that presents a bearer token is judged by it alone, even if it has a cookie.
import { auth } from "@/auth";
import { requireAdmin } from "../admin/require-admin";
import type { Actor } from "../auth/actor";
import type { Scope } from "../auth/scopes";
import { loadActorBySessionId } from "../auth/sessions";
import { authenticateAccessToken } from "../auth/tokens";
import { AppError } from "../errors";

export type Caller = { actor: Actor; sessionId: string; via: "bearer" | "session" };

// One resolution per request: the route wrapper (rate limits, idempotency) and the handler both
// ask, and the second answer must not cost another database read.
const callers = new WeakMap<Request, Promise<Caller | null>>();

/** The caller of this request, or null when anonymous; throws 401 for a bad credential. */
export function resolveCaller(request: Request): Promise<Caller | null> {
  let caller = callers.get(request);
  if (!caller) {
    caller = identify(request);
    callers.set(request, caller);
  }
  return caller;
}

async function identify(request: Request): Promise<Caller | null> {
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

/**
 * A signed-in caller. `scope` is what an API key must hold to use the route (people signed in
 * hold every scope).
 */
export async function requireCaller(request: Request, _scope?: Scope): Promise<Caller> {
  const caller = await resolveCaller(request);
  if (!caller) throw new AppError("unauthenticated", "Authentication credentials were not provided.");
  return caller;
}
