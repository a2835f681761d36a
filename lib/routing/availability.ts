import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import type { Availability } from "../generated/prisma/enums";

/** Whether routing may give this person new chats (away: none; chats they hold stay theirs). */
export async function getAvailability(actor: Actor): Promise<Availability> {
  const user = await db().user.findUnique({ where: { id: actor.userId }, select: { availability: true } });
  return user?.availability ?? "available";
}

export async function setAvailability(actor: Actor, availability: Availability): Promise<Availability> {
  const user = await db().user.update({
    where: { id: actor.userId },
    data: { availability },
    select: { availability: true },
  });
  return user.availability;
}
