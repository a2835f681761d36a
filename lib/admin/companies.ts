import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { notFound } from "../errors";
import { requireAdmin } from "./require-admin";

const companySelect = { id: true, name: true, description: true, createdAt: true, updatedAt: true } as const;

export async function createCompany(actor: Actor, input: { name: string; description: string }) {
  requireAdmin(actor);
  return db().company.create({ data: input, select: companySelect });
}

export async function updateCompany(
  actor: Actor,
  companyId: number,
  patch: { name?: string; description?: string },
) {
  requireAdmin(actor);
  const { count } = await db().company.updateMany({ where: { id: companyId }, data: patch });
  if (count === 0) throw notFound("Company");
  return db().company.findUniqueOrThrow({ where: { id: companyId }, select: companySelect });
}

export async function listCompaniesForAdmin(actor: Actor, query: { limit: number; afterId?: number }) {
  requireAdmin(actor);
  return db().company.findMany({
    where: query.afterId ? { id: { gt: query.afterId } } : {},
    orderBy: { id: "asc" },
    take: query.limit,
    select: { ...companySelect, _count: { select: { chats: true, representatives: true } } },
  });
}
