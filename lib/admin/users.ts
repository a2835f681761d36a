import "server-only";
import { type Actor, actorFromUserRow, actorUserSelect } from "../auth/actor";
import { db, Prisma } from "../db/client";
import { AppError, notFound } from "../errors";
import { releaseChatsOfFormerRepresentative } from "../routing/release-chats";
import { requireAdmin } from "./require-admin";

/** Links a user to a company directly (or unlinks with null), and grants or removes admin. */
export async function updateUserAccess(
  actor: Actor,
  userId: number,
  patch: { companyId?: number | null; isAdmin?: boolean },
): Promise<Actor> {
  requireAdmin(actor);
  if (patch.companyId) {
    const company = await db().company.findUnique({ where: { id: patch.companyId }, select: { id: true } });
    if (!company) {
      throw new AppError("validation_failed", "No such company.", [
        { field: "company_id", message: "No company has this id." },
      ]);
    }
  }
  try {
    const user = await db().user.update({
      where: { id: userId },
      data: { companyId: patch.companyId, isAdmin: patch.isAdmin },
      select: actorUserSelect,
    });
    if (patch.companyId !== undefined) await releaseChatsOfFormerRepresentative(userId);
    return actorFromUserRow(user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")
      throw notFound("User");
    throw error;
  }
}

export async function listUsersForAdmin(
  actor: Actor,
  query: { q?: string; limit: number; afterId?: number },
) {
  requireAdmin(actor);
  const users = await db().user.findMany({
    where: {
      ...(query.afterId ? { id: { gt: query.afterId } } : {}),
      ...(query.q
        ? {
            OR: [
              { email: { contains: query.q, mode: "insensitive" } },
              { name: { contains: query.q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit,
    select: actorUserSelect,
  });
  return users.map(actorFromUserRow);
}

export async function findUserIdByEmail(email: string): Promise<number | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  return user?.id ?? null;
}
