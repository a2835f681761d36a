// "Someone is typing" travels by NOTIFY only: it is never stored, and a missed one is harmless.
import type { Actor } from "../auth/actor";
import { type Side, seesSide } from "../chats/scope";

export const TYPING_CHANNEL = "estate_typing";

export type TypingSignal = {
  chat_id: number;
  buyer_id: number;
  company_id: number;
  /** Who is typing: the buyer, or a representative for the company. */
  side: Side;
  user: { id: number; name: string };
};

/** Only the other side hears it, and never the typist's own other tabs. */
export function typingAudience(actor: Actor, signal: TypingSignal): boolean {
  if (actor.userId === signal.user.id) return false;
  const listening: Side = signal.side === "buyer" ? "company" : "buyer";
  return seesSide(actor, listening, { buyerId: signal.buyer_id, companyId: signal.company_id });
}
