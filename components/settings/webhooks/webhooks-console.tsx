"use client";

import type { ApiPage } from "@/lib/api/v1-types";
import { EmptyState } from "../../lists/empty-state";
import { LoadMore } from "../../lists/load-more";
import { RefreshProblem } from "../../lists/refresh-problem";
import { useCursorList } from "../../lists/use-cursor-list";
import { EndpointCard } from "./endpoint-card";
import { EndpointCreateForm } from "./endpoint-create-form";
import type { ApiWebhookEndpoint } from "./types";

type Props = {
  company: { id: number; name: string };
  endpointsUrl: string;
  firstPage: ApiPage<ApiWebhookEndpoint>;
};

/** One company's endpoints and the form to add one. The list polls, so an automatic disable shows. */
export function WebhooksConsole({ company, endpointsUrl, firstPage }: Props) {
  const list = useCursorList(endpointsUrl, firstPage);
  const changed = () => void list.mutate();
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
      <section aria-labelledby="webhook-endpoints-title" className="order-2 space-y-4 lg:order-1">
        <h2 id="webhook-endpoints-title" className="text-xl font-semibold">
          Endpoints of {company.name}
        </h2>
        <RefreshProblem error={list.error} returnTo={`/settings/webhooks?company=${company.id}`} />
        {list.items.length === 0 ? (
          <EmptyState title="No endpoints yet">
            <p>Add the URL of your receiver with the form; events start arriving right away.</p>
          </EmptyState>
        ) : (
          <ul aria-label={`Webhook endpoints of ${company.name}`} className="space-y-4">
            {list.items.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} onChanged={changed} />
            ))}
          </ul>
        )}
        <LoadMore
          what="endpoints"
          hasMore={list.hasMore}
          loading={list.isLoadingMore}
          onLoadMore={list.loadMore}
        />
      </section>
      <div className="order-1 lg:order-2">
        <EndpointCreateForm companyId={company.id} onCreated={changed} />
      </div>
    </div>
  );
}
