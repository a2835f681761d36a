import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { releaseChatsOfFormerRepresentative } from "../routing/release-chats";
import { requireAdmin } from "./require-admin";

/** Adds a user to a group, creating the group if needed. `company_{id}` groups grant access. */
export async function addGroupMember(
  actor: Actor,
  groupName: string,
  userId: number,
): Promise<{ created: boolean }> {
  requireAdmin(actor);
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound("User");
  const group = await db().group.upsert({
    where: { name: groupName },
    create: { name: groupName },
    update: {},
    select: { id: true },
  });
  const { count } = await db().groupMember.createMany({
    data: [{ groupId: group.id, userId }],
    skipDuplicates: true,
  });
  return { created: count === 1 };
}

export async function removeGroupMember(actor: Actor, groupName: string, userId: number): Promise<void> {
  requireAdmin(actor);
  const { count } = await db().groupMember.deleteMany({ where: { userId, group: { name: groupName } } });
  if (count === 0) throw notFound("Group membership");
  await releaseChatsOfFormerRepresentative(userId);
}
