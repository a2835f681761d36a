import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminConsole } from "@/components/admin/admin-console";
import { listCompaniesForAdmin } from "@/lib/admin/companies";
import { listUsersForAdmin } from "@/lib/admin/users";
import { toAdminCompany } from "@/lib/api/v1-admin-serialize";
import { AdminCompanySchema, UserSchema } from "@/lib/api/v1-schemas";
import { toUser } from "@/lib/api/v1-serialize";
import { requirePageActor } from "@/lib/http/page-actor";

export const metadata: Metadata = { title: "Admin" };

const COMPANY_PAGE = 100;
const USER_PAGE = 20; // as components/admin/admin-users.tsx asks for

// The admin API's list shape: `next_cursor` is the last id, passed back as `after_id`.
const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() });

function firstPageOf<Row, Out>(
  rows: Row[],
  limit: number,
  shape: (row: Row) => Out,
  idOf: (row: Row) => number,
) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(shape), next_cursor: rows.length > limit && last ? String(idOf(last)) : null };
}

export default async function AdminPage() {
  const actor = await requirePageActor("/admin");
  // Not advertised: to everyone else this page does not exist, as the admin API answers 404.
  // The layout refuses first (with a real 404 status); this keeps the page safe on its own.
  if (!actor.isAdmin) notFound();
  const [companyRows, userRows] = await Promise.all([
    listCompaniesForAdmin(actor, { limit: COMPANY_PAGE + 1 }),
    listUsersForAdmin(actor, { limit: USER_PAGE + 1 }),
  ]);
  const companies = pageSchema(AdminCompanySchema).parse(
    firstPageOf(companyRows, COMPANY_PAGE, toAdminCompany, (row) => row.id),
  );
  const users = pageSchema(UserSchema).parse(firstPageOf(userRows, USER_PAGE, toUser, (row) => row.userId));
  return (
    <section aria-labelledby="admin-title" className="space-y-8">
      <div>
        <h1 id="admin-title" className="text-2xl font-semibold tracking-tight">
          Admin
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Companies on the marketplace, and who answers for them.
        </p>
      </div>
      <AdminConsole
        companiesUrl={`/api/v1/admin/companies?limit=${COMPANY_PAGE}`}
        companies={companies}
        users={users}
        viewerId={actor.userId}
      />
    </section>
  );
}
