// Which API keys an actor may see and revoke, as a Prisma `where`: their own personal tokens,
// and the company keys of the companies they represent (every company's for an admin).
// Another person's or another company's key is simply not found.
import type { Actor } from "../auth/actor";
import { companyScope, representsCompany } from "../chats/scope";
import type { Prisma } from "../db/client";

export function personalKeyScope(actor: Actor): Prisma.ApiKeyWhereInput {
  return { kind: "personal", userId: actor.userId };
}

export function companyKeyScope(actor: Actor, companyId?: number): Prisma.ApiKeyWhereInput {
  return { AND: [{ kind: "company" }, companyScope(actor), companyId !== undefined ? { companyId } : {}] };
}

export function manageableKeyScope(actor: Actor): Prisma.ApiKeyWhereInput {
  return { OR: [personalKeyScope(actor), companyKeyScope(actor)] };
}

/** Whether the actor may make and list keys for this company. */
export const managesCompany = representsCompany;
