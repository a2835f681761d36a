import type { Actor } from "../auth/actor";
import { notFound } from "../errors";

/** Admin-only operations answer 404 to everyone else: the admin surface is not advertised. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw notFound();
}
