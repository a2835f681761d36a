import type { Metadata } from "next";
import { CompanyDirectory } from "@/components/lists/company-directory";
import { CompanySearch } from "@/components/lists/company-search";
import { CompanySchema, pageOf } from "@/lib/api/v1-schemas";
import { toCompany } from "@/lib/api/v1-serialize";
import { withParam } from "@/lib/client/live";
import { listCompaniesForBuyer } from "@/lib/companies/list-companies";
import { requirePageActor } from "@/lib/http/page-actor";

export const metadata: Metadata = { title: "Companies" };

const PAGE_SIZE = 20;
const MAX_QUERY = 100; // as GET /api/v1/companies accepts

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?q=` as the API would take it: one value, trimmed, bounded, without NUL. */
function searchQueryOf(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (value ?? "").replaceAll("\0", "").trim().slice(0, MAX_QUERY);
}

export default async function CompaniesPage({ searchParams }: { searchParams: SearchParams }) {
  const q = searchQueryOf((await searchParams).q);
  const actor = await requirePageActor(q ? `/companies?q=${encodeURIComponent(q)}` : "/companies");
  const page = await listCompaniesForBuyer(actor, { q: q || undefined, limit: PAGE_SIZE });
  const firstPage = pageOf(CompanySchema).parse({
    data: page.items.map(toCompany),
    next_cursor: page.nextCursor,
  });
  const base = `/api/v1/companies?limit=${PAGE_SIZE}`;
  const url = q ? withParam(base, "q", q) : base;
  return (
    <section aria-labelledby="companies-title" className="space-y-6">
      <div>
        <h1 id="companies-title" className="text-2xl font-semibold tracking-tight">
          Companies
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Real-estate companies on the marketplace. Start a chat and their representatives answer here.
        </p>
      </div>
      <CompanySearch initialQuery={q} />
      {/* Keyed by the search: each result set starts from the page the server just rendered. */}
      <CompanyDirectory key={url} url={url} firstPage={firstPage} q={q} />
    </section>
  );
}
