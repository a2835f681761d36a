"use client";

import type { ApiPage, ApiUser } from "@/lib/api/v1-types";
import { EmptyState } from "../lists/empty-state";
import { LoadMore } from "../lists/load-more";
import { RefreshProblem } from "../lists/refresh-problem";
import { useCursorList } from "../lists/use-cursor-list";
import { AdminUsers } from "./admin-users";
import { CompanyCreateForm } from "./company-create-form";
import { CompanyRow } from "./company-row";
import type { ApiAdminCompany } from "./types";
import { useCompanyChoices } from "./use-company-choices";

type Props = {
  companiesUrl: string;
  companies: ApiPage<ApiAdminCompany>;
  users: ApiPage<ApiUser>;
  viewerId: number;
};

/** Companies and representatives. Admin lists revalidate on focus and after each change. */
export function AdminConsole({ companiesUrl, companies, users, viewerId }: Props) {
  const list = useCursorList(companiesUrl, companies, { cursorParam: "after_id", live: false });
  const choices = useCompanyChoices(companies);
  const companiesChanged = () => {
    void list.mutate();
    void choices.mutate();
  };
  return (
    <div className="space-y-12">
      <section aria-labelledby="admin-companies-title" className="space-y-4">
        <h2 id="admin-companies-title" className="text-xl font-semibold">
          Companies
        </h2>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
          <div className="order-2 lg:order-1">
            <RefreshProblem error={list.error} returnTo="/admin" />
            {list.items.length === 0 ? (
              <EmptyState title="No companies yet">
                <p>Create the first one with the form; buyers can then find it and start chats.</p>
              </EmptyState>
            ) : (
              <ul
                aria-label="All companies"
                className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
              >
                {list.items.map((company) => (
                  <CompanyRow key={company.id} company={company} onSaved={companiesChanged} />
                ))}
              </ul>
            )}
            <LoadMore
              what="companies"
              hasMore={list.hasMore}
              loading={list.isLoadingMore}
              onLoadMore={list.loadMore}
            />
          </div>
          <div className="order-1 lg:order-2">
            <CompanyCreateForm onCreated={companiesChanged} />
          </div>
        </div>
      </section>
      <section aria-labelledby="admin-users-title" className="space-y-4">
        <div>
          <h2 id="admin-users-title" className="text-xl font-semibold">
            Representatives and admins
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            A user represents a company through a direct link or as a member of the group {"company_{id}"}.
            Admins see every company’s chats.
          </p>
        </div>
        <AdminUsers firstPage={users} companies={choices.data ?? []} viewerId={viewerId} />
      </section>
    </div>
  );
}
