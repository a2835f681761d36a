import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { assertPerson } from "./create-api-key";
import { manageableKeyScope } from "./scope";

/**
 * Revokes a key the actor manages: its owner for a personal token, the company's
 * representatives or an admin for a company key. Anyone else's key is 404. Revoking twice is
 * not an error (the first time stays recorded).
 */
export async function revokeApiKey(actor: Actor, keyId: number): Promise<void> {
  assertPerson(actor);
  const where = { id: keyId, ...manageableKeyScope(actor) };
  const { count } = await db().apiKey.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0 && !(await db().apiKey.findFirst({ where, select: { id: true } })))
    throw notFound("API key");
}
