// The actor for server components and server actions: the same session check as the API
// (a revoked session is signed out everywhere), read through Auth.js's cookie.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import type { Actor } from "../auth/actor";
import { loadActorBySessionId } from "../auth/sessions";

/** Cached per request: the header, the layout and the page all ask, the database answers once. */
export const getPageActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return session?.sid ? loadActorBySessionId(session.sid) : null;
});

/** The signed-in actor, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
