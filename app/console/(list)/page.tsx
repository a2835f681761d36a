import type { Metadata } from "next";
import Link from "next/link";
import { type ConsoleFilterValues, consoleHref } from "@/components/lists/console-href";
import { ConsoleView } from "@/components/lists/console-view";
import { textLink } from "@/components/ui/styles";
import { AvailabilityToggle } from "@/components/workspace/availability-toggle";
import { ChatSchema, pageOf } from "@/lib/api/v1-schemas";
import { toChat } from "@/lib/api/v1-serialize";
import { countCompanyChatsByStatus } from "@/lib/chats/count-company-chats";
import { listChats } from "@/lib/chats/list-chats";
import { listRepresentedCompanies } from "@/lib/companies/represented-companies";
import { requirePageActor } from "@/lib/http/page-actor";
import { getAvailability } from "@/lib/routing/availability";
import { DbIdQuerySchema } from "@/lib/validation";

export const metadata: Metadata = { title: "Console" };

const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The filters from the URL. Unknown values mean "no filter" rather than an error page. */
function filtersOf(params: Record<string, string | string[] | undefined>): ConsoleFilterValues {
  const company = DbIdQuerySchema.safeParse(first(params.company_id));
  const active = first(params.is_active);
  const unread = first(params.unread);
  const assignee = first(params.assignee);
  return {
    companyId: company.success ? company.data : null,
    // "open"/"closed" come from the filter form when JavaScript is off.
    status: ["true", "1", "open"].includes(active ?? "")
      ? "open"
      : ["false", "0", "closed"].includes(active ?? "")
        ? "closed"
        : "all",
    unreadOnly: unread === "true" || unread === "1",
    assignee: assignee === "me" || assignee === "none" ? assignee : "all",
  };
}

function apiQuery(values: ConsoleFilterValues): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (values.companyId !== null) params.set("company_id", String(values.companyId));
  if (values.status !== "all") params.set("is_active", values.status === "open" ? "true" : "false");
  if (values.unreadOnly) params.set("unread", "true");
  if (values.assignee !== "all") params.set("assignee", values.assignee);
  return params.toString();
}

function NotARepresentative() {
  return (
    <section aria-labelledby="console-title" className="max-w-2xl space-y-4">
      <h1 id="console-title" className="text-2xl font-semibold tracking-tight">
        Console
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        The console is where company representatives answer buyers. Your account does not represent a company
        yet, so there is nothing to answer here.
      </p>
      <p className="text-zinc-700 dark:text-zinc-300">
        If you work for a company on the marketplace, ask an administrator to link your account to it.
        Meanwhile you can{" "}
        <Link href="/companies" className={textLink}>
          find a company to talk to
        </Link>{" "}
        or read{" "}
        <Link href="/inbox" className={textLink}>
          your own chats
        </Link>
        .
      </p>
    </section>
  );
}

export default async function ConsolePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requested = filtersOf(params);
  const actor = await requirePageActor(consoleHref(requested));
  if (!actor.isAdmin && actor.companyIds.length === 0) return <NotARepresentative />;

  const companies = await listRepresentedCompanies(actor);
  // A company the user does not answer for shows everything they do, with a note, not an error.
  const foreignCompany =
    requested.companyId !== null && !actor.isAdmin && !actor.companyIds.includes(requested.companyId);
  const values = foreignCompany ? { ...requested, companyId: null } : requested;
  const options =
    values.companyId !== null && !companies.some((company) => company.id === values.companyId)
      ? [...companies, { id: values.companyId, name: `Company ${values.companyId}` }]
      : companies;

  const [page, counts, availability] = await Promise.all([
    listChats(actor, "company", {
      limit: PAGE_SIZE,
      companyId: values.companyId ?? undefined,
      isActive: values.status === "all" ? undefined : values.status === "open",
      unread: values.unreadOnly ? true : undefined,
      assignee: values.assignee === "all" ? undefined : values.assignee === "me" ? actor.userId : "none",
    }),
    countCompanyChatsByStatus(actor, { companyId: values.companyId ?? undefined }),
    getAvailability(actor),
  ]);
  const firstPage = pageOf(ChatSchema).parse({
    data: page.items.map((chat) => toChat(chat, "company")),
    next_cursor: page.nextCursor,
  });
  const url = `/api/v1/company/chats?${apiQuery(values)}`;
  const countsUrl =
    values.companyId !== null
      ? `/api/v1/company/chat-counts?company_id=${values.companyId}`
      : "/api/v1/company/chat-counts";
  const only = companies.length === 1 && !actor.isAdmin ? companies[0] : undefined;

  return (
    <section aria-labelledby="console-title" className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 id="console-title" className="text-2xl font-semibold tracking-tight">
            Console
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {actor.isAdmin
              ? "Chats of every company on the marketplace (you are an administrator)."
              : only
                ? `Chats with buyers of ${only.name}.`
                : "Chats with buyers of the companies you represent."}
          </p>
        </div>
        {/* Routing only ever gives chats to representatives: an admin who represents nothing has no say. */}
        {actor.companyIds.length > 0 && <AvailabilityToggle initial={availability} />}
      </div>
      {foreignCompany && (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          You do not represent the company in that link, so this shows the chats of all your companies.
        </p>
      )}
      <ConsoleView
        companies={options}
        allLabel={actor.isAdmin ? "All companies" : "All my companies"}
        values={values}
        url={url}
        firstPage={firstPage}
        countsUrl={countsUrl}
        counts={counts}
        viewerId={actor.userId}
      />
    </section>
  );
}
