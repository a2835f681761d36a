"use client";

import type { ApiUser } from "@/lib/api/v1-types";
import { Notice } from "../ui/notice";
import { useApiAction } from "../ui/use-api-action";
import { AdminToggle } from "./admin-toggle";
import { CompanyLinkControl } from "./company-link-control";
import { GroupMembershipControl } from "./group-membership-control";

type Company = { id: number; name: string };

/** "Represents: …", naming how: the direct link first, then each `company_{id}` group. */
function representation(user: ApiUser, companyName: (id: number) => string): string {
  if (user.represented_company_ids.length === 0) {
    return user.is_admin
      ? "Represents no company; as an admin, answers for all of them."
      : "Represents no company.";
  }
  const viaGroups = user.represented_company_ids.filter((id) => id !== user.company_id);
  return `Represents: ${[
    ...(user.company_id !== null ? [`${companyName(user.company_id)} (direct link)`] : []),
    ...viaGroups.map((id) => `${companyName(id)} (group company_${id})`),
  ].join(", ")}`;
}

/**
 * One user and their access: direct company link, `company_{id}` groups, admin. Each control
 * acts at once and says what happened in the card's one notice; one change runs at a time, and
 * the list reloads after it so the card shows the stored state. Every field and button names
 * the user ("Save link for …"), as the list holds many cards with the same controls.
 */
export function UserCard({
  user,
  companies,
  viewerId,
  onChanged,
}: {
  user: ApiUser;
  companies: Company[];
  viewerId: number;
  onChanged: () => void;
}) {
  const action = useApiAction();
  const companyName = (id: number) =>
    companies.find((company) => company.id === id)?.name ?? `Company #${id}`;
  const control = { user, action, companyName, onChanged };
  const titleId = `user-${user.id}-name`;

  return (
    <article
      aria-labelledby={titleId}
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <header className="space-y-1">
        <h3 id={titleId} className="font-semibold break-words">
          {user.name}
          {user.is_admin && (
            <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              Admin
            </span>
          )}
        </h3>
        <p className="text-sm break-all text-zinc-600 dark:text-zinc-400">{user.email}</p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{representation(user, companyName)}</p>
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        <CompanyLinkControl {...control} companies={companies} />
        <GroupMembershipControl {...control} />
      </div>
      <AdminToggle user={user} action={action} onChanged={onChanged} viewerId={viewerId} />
      <Notice message={action.notice} />
    </article>
  );
}
