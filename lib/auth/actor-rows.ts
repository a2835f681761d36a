// The actor as hand-written SQL reads it (lib/db/sql.ts), for the two lookups every
// authenticated request makes: by session (lib/auth/sessions.ts) and by API key
// (lib/api-keys/authenticate-api-key.ts). The columns of a user aliased `actor_user`, with the
// directly linked company and the names of the user's groups; the Actor built from them is the
// one actorFromUserRow builds from Prisma's `actorUserSelect`.
import "server-only";
import { Prisma } from "../db/client";
import { bool, int, nullable, type RowOf, text, textArray } from "../db/columns";
import { type Actor, actorFromUserRow } from "./actor";

/** Null throughout when the user was left-joined and is missing. */
export const actorColumnTypes = {
  actor_user_id: nullable(int),
  actor_email: nullable(text),
  actor_name: nullable(text),
  actor_is_admin: nullable(bool),
  actor_company_id: nullable(int),
  actor_company_name: nullable(text),
  actor_group_names: textArray,
};
export type ActorColumns = RowOf<typeof actorColumnTypes>;

/** The select list; pair with actorJoin on the table that holds the user id. */
export const actorColumns = Prisma.sql`
  actor_user.id AS actor_user_id, actor_user.email AS actor_email, actor_user.name AS actor_name,
  actor_user.is_admin AS actor_is_admin, actor_company.id AS actor_company_id,
  actor_company.name AS actor_company_name,
  ARRAY(SELECT g.name FROM group_members m JOIN groups g ON g.id = m.group_id
        WHERE m.user_id = actor_user.id) AS actor_group_names`;

/** Joins the user whose id is `userIdColumn` (left: a key may have no user), and their company. */
export const actorJoin = (userIdColumn: Prisma.Sql) => Prisma.sql`
  LEFT JOIN users actor_user ON actor_user.id = ${userIdColumn}
  LEFT JOIN companies actor_company ON actor_company.id = actor_user.company_id`;

/** The actor of a row, or null when its user was missing. */
export function actorOfRow(row: ActorColumns): Actor | null {
  if (row.actor_user_id === null) return null;
  return actorFromUserRow({
    id: row.actor_user_id,
    email: row.actor_email ?? "",
    name: row.actor_name ?? "",
    isAdmin: row.actor_is_admin ?? false,
    company:
      row.actor_company_id === null ? null : { id: row.actor_company_id, name: row.actor_company_name ?? "" },
    memberships: row.actor_group_names.map((name) => ({ group: { name } })),
  });
}
