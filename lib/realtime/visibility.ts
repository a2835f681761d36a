// Who may see a live event: the same rule as the chat scopes in lib/chats/scope.ts, applied to
// the (buyer, company) pair every event carries.
import type { Actor } from "../auth/actor";

export type EventAudience = { buyerId: number; companyId: number };

export const seesBuyerSide = (actor: Actor, event: EventAudience) => event.buyerId === actor.userId;

export const seesCompanySide = (actor: Actor, event: EventAudience) =>
  actor.isAdmin || actor.companyIds.includes(event.companyId);

export const canSeeEvent = (actor: Actor, event: EventAudience) =>
  seesBuyerSide(actor, event) || seesCompanySide(actor, event);
