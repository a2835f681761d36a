import "server-only";
import { Prisma } from "../db/client";
import { int } from "../db/columns";
import { inTransaction } from "../db/sql";
import { recordAssignment, representativesSql } from "./assign-statements";

/**
 * Someone who no longer represents a company no longer answers its chats: each chat assigned to
 * them there goes back to the queue, with chat.assigned (reason "unlinked"). Run after every
 * change that can take a representative away (a direct link changed, a group membership
 * removed); it only ever touches chats whose assignee lost the company, so running it again
 * changes nothing. Answers how many chats went back.
 */
export async function releaseChatsOfFormerRepresentative(userId: number): Promise<number> {
  return inTransaction(async (query) => {
    const chats = await query(
      { id: int, company_id: int, buyer_id: int },
      Prisma.sql`
        SELECT chats.id, chats.company_id, chats.buyer_id FROM chats
        WHERE chats.assignee_id = ${userId}
          AND ${userId}::int NOT IN (${representativesSql(Prisma.sql`chats.company_id`, { availableOnly: false })})
        ORDER BY chats.id
        FOR UPDATE OF chats`,
    );
    for (const chat of chats) {
      await recordAssignment(
        query,
        { id: chat.id, companyId: chat.company_id, buyerId: chat.buyer_id },
        { assigneeId: null, reason: "unlinked" },
      );
    }
    return chats.length;
  });
}
