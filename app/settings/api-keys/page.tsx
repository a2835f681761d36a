import type { Metadata } from "next";
import { ApiKeyManager } from "@/components/api-keys/api-key-manager";
import type { KeyOwner } from "@/components/api-keys/types";
import { listKeyOwnerCompanies } from "@/lib/api-keys/key-owner-companies";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { ApiKeyPageSchema } from "@/lib/api-keys/schemas";
import { toApiKey } from "@/lib/api-keys/select";
import type { Actor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/http/page-actor";

export const metadata: Metadata = { title: "API keys" };

const PAGE_SIZE = 50; // as components/api-keys/types.ts asks for the next pages

async function firstPage(actor: Actor, companyId?: number) {
  const page = await listApiKeys(actor, { companyId, limit: PAGE_SIZE });
  return ApiKeyPageSchema.parse({ data: page.items.map(toApiKey), next_cursor: page.nextCursor });
}

export default async function ApiKeysPage() {
  const actor = await requirePageActor("/settings/api-keys");
  const companies = await listKeyOwnerCompanies(actor);
  const owners: KeyOwner[] = await Promise.all([
    firstPage(actor).then((page) => ({
      id: "personal",
      title: "Personal access tokens",
      companyId: null,
      firstPage: page,
    })),
    ...companies.map((company) =>
      firstPage(actor, company.id).then((page) => ({
        id: `company-${company.id}`,
        title: `Company keys of ${company.name}`,
        companyId: company.id,
        firstPage: page,
      })),
    ),
  ]);
  return (
    <section aria-labelledby="api-keys-title" className="space-y-8">
      <div className="space-y-1">
        <h2 id="api-keys-title" className="text-xl font-semibold">
          API keys
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Let other software use Estate Chat with <code>Authorization: Bearer &lt;key&gt;</code>. A personal
          access token acts as you; a company key answers for one company and records itself on each reply.
          {actor.isAdmin && " Admins manage any company's keys through GET /api/v1/api-keys?company_id=."}
        </p>
      </div>
      <ApiKeyManager owners={owners} companies={companies} />
    </section>
  );
}
