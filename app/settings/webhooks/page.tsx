import type { Metadata } from "next";
import { EmptyState } from "@/components/lists/empty-state";
import { CompanyPicker } from "@/components/settings/webhooks/company-picker";
import { WebhooksConsole } from "@/components/settings/webhooks/webhooks-console";
import { pageOf } from "@/lib/api/v1-schemas";
import { WebhookEndpointSchema } from "@/lib/api/webhook-schemas";
import { toWebhookEndpoint } from "@/lib/api/webhook-serialize";
import { listRepresentedCompanies } from "@/lib/companies/represented-companies";
import { requirePageActor } from "@/lib/http/page-actor";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

const ENDPOINT_PAGE = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WebhooksSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("/settings/webhooks");
  const companies = await listRepresentedCompanies(actor);
  const asked = Number((await searchParams).company);
  // An unknown or foreign ?company= falls back to the first company the viewer may manage.
  const company = companies.find((candidate) => candidate.id === asked) ?? companies[0];
  return (
    <section aria-labelledby="webhooks-title" className="space-y-8">
      <div>
        <h1 id="webhooks-title" className="text-2xl font-semibold tracking-tight">
          Webhooks
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
          Your systems hear about new chats, messages, read receipts and closed or reopened chats as they
          happen: each event is POSTed to your endpoints, signed per Standard Webhooks, and retried for more
          than a day when your endpoint is down.
        </p>
      </div>
      {company ? (
        <>
          {companies.length > 1 && <CompanyPicker companies={companies} selectedId={company.id} />}
          <WebhooksConsole
            key={company.id}
            company={company}
            endpointsUrl={`/api/v1/company/webhooks?company_id=${company.id}&limit=${ENDPOINT_PAGE}`}
            firstPage={pageOf(WebhookEndpointSchema).parse(await firstPage(company.id))}
          />
        </>
      ) : (
        <EmptyState title="Webhooks are set up by a company's representatives">
          <p>You do not represent a company. Ask an admin to link you to one.</p>
        </EmptyState>
      )}
    </section>
  );

  async function firstPage(companyId: number) {
    const page = await listWebhookEndpoints(actor, { companyId, limit: ENDPOINT_PAGE });
    return { data: page.items.map(toWebhookEndpoint), next_cursor: page.nextCursor };
  }
}
