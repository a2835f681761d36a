import "server-only";
import type { Actor } from "../auth/actor";
import { chatScopeSql } from "../chats/scope";
import { Prisma } from "../db/client";
import { bool, int } from "../db/columns";
import { inTransaction } from "../db/sql";
import { AppError, notFound } from "../errors";
import { recordAssignment, representativesSql } from "./assign-statements";

/**
 * A person assigns the chat to a representative of its company, reassigns it, or puts it back
 * in the queue (null). Someone who does not represent the chat's company is a 422 (they could
 * never open it); an away representative may be chosen by a person, only routing skips them.
 * Answers whether the assignee changed.
 */
export async function setAssignee(actor: Actor, chatId: number, assigneeId: number | null): Promise<boolean> {
  return inTransaction(async (query) => {
    const [chat] = await query(
      { id: int, company_id: int, buyer_id: int, represents: bool },
      Prisma.sql`
        SELECT chats.id, chats.company_id, chats.buyer_id,
               ${assigneeId}::int IS NULL
                 OR ${assigneeId}::int IN (${representativesSql(Prisma.sql`chats.company_id`, { availableOnly: false })}) AS represents
        FROM chats
        WHERE chats.id = ${chatId} AND ${chatScopeSql(actor, "company")}
        FOR UPDATE OF chats`,
    );
    if (!chat) throw notFound("Chat");
    if (!chat.represents) {
      throw new AppError("validation_failed", "That person does not represent this chat's company.", [
        { field: "assignee_id", message: "Choose a representative of the chat's company, or null." },
      ]);
    }
    return recordAssignment(
      query,
      { id: chat.id, companyId: chat.company_id, buyerId: chat.buyer_id },
      { assigneeId, reason: "manual" },
    );
  });
}
