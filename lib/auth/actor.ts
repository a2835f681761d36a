// The actor: who is asking, and which companies they may answer for. Every domain function
// takes one and builds its scope into the query.
import "server-only";
import { db } from "../db/client";
import { MAX_DB_ID } from "../validation";

export type Actor = {
  userId: number;
  email: string;
  name: string;
  isAdmin: boolean;
  /** Companies represented by the direct link or by a `company_{id}` group (the guide's two ways). */
  companyIds: number[];
  /** The directly linked company, shown in token claims as the original did. */
  directCompany: { id: number; name: string } | null;
  /**
   * Set when the request came with an API key. A company key's actor is no person: its userId
   * is the key's id negated, which no user row has, so every buyer-side query matches nothing.
   */
  apiKey?: { id: number; name: string; kind: ApiKeyKind };
};

export type ApiKeyKind = "company" | "personal";

/** A company key answers for its company; it can never act as a buyer. */
export const isCompanyKey = (actor: Actor) => actor.apiKey?.kind === "company";

// No leading zeros (company_07 is not company 7's group) and no more digits than an id has.
export const COMPANY_GROUP = /^company_([1-9]\d{0,9})$/;
export const COMPANY_GROUP_PREFIX = "company_";
export const companyGroupName = (companyId: number) => `${COMPANY_GROUP_PREFIX}${companyId}`;

/** The select that builds an actor in the same query that loads the user. */
export const actorUserSelect = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  company: { select: { id: true, name: true } },
  memberships: { select: { group: { select: { name: true } } } },
} as const;

type ActorUserRow = {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  company: { id: number; name: string } | null;
  memberships: { group: { name: string } }[];
};

export function actorFromUserRow(user: ActorUserRow): Actor {
  const ids = new Set<number>();
  if (user.company) ids.add(user.company.id);
  for (const { group } of user.memberships) {
    const match = COMPANY_GROUP.exec(group.name);
    const id = Number(match?.[1]);
    if (match && id <= MAX_DB_ID) ids.add(id);
  }
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    companyIds: [...ids].sort((a, b) => a - b),
    directCompany: user.company,
  };
}

export async function loadActorByUserId(userId: number): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: actorUserSelect });
  return user ? actorFromUserRow(user) : null;
}
