// Who is calling the compatibility API. The original authenticated with JWT bearer tokens only
// (simplejwt, no session authentication), and so do we here: two of these paths change data
// on GET (messages/ and mark_as_read/), which a browser cookie would expose to cross-site links.
import type { Actor } from "../auth/actor";
import { authenticateAccessToken } from "../auth/tokens";
import { AppError } from "../errors";
import { asUnauthenticated, DRF } from "./errors";

export async function requireBearerActor(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  // As simplejwt: a header of another scheme is no credentials at all.
  if (!/^bearer(\s|$)/i.test(header)) throw new AppError("unauthenticated", DRF.notAuthenticated);
  const token = /^bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) throw new AppError("unauthenticated", DRF.tokenNotValid);
  const { actor } = await authenticateAccessToken(token).catch(asUnauthenticated(DRF.tokenNotValid));
  return actor;
}
