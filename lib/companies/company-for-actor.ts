import "server-only";
import type { Actor } from "../auth/actor";
import { representsCompany } from "../chats/scope";
import { AppError, notFound } from "../errors";

/**
 * The company a company-side write is for: the one named (`?company_id=`, which the actor must
 * represent: another company is 404), else the one company the actor represents (a company key
 * always has one). Someone who represents several, or an admin, must name it.
 */
export function companyForActor(actor: Actor, companyId: number | undefined): number {
  if (companyId !== undefined) {
    if (!representsCompany(actor, companyId)) throw notFound("Company");
    return companyId;
  }
  const [only, ...more] = actor.companyIds;
  if (!actor.isAdmin && only !== undefined && more.length === 0) return only;
  if (!actor.isAdmin && only === undefined) {
    throw new AppError("forbidden", "You do not represent a company.");
  }
  throw new AppError("validation_failed", "Name the company: you answer for several.", [
    { field: "company_id", message: "Required when you represent more than one company." },
  ]);
}
