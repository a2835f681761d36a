"use client";

import type { ApiUser } from "@/lib/api/v1-types";
import { apiFetch } from "@/lib/client/api";
import { ItemName } from "../ui/item-name";
import { secondaryButton } from "../ui/styles";
import type { UserControlProps } from "./user-control";

/** Makes a user an admin or takes it back; admins cannot demote themselves (another admin can). */
export function AdminToggle({
  user,
  action,
  onChanged,
  viewerId,
}: Omit<UserControlProps, "companyName"> & { viewerId: number }) {
  const ownAdminRights = user.id === viewerId && user.is_admin;
  const noteId = `user-${user.id}-self`;

  const toggle = () =>
    action.run(async () => {
      await apiFetch<ApiUser>(`/api/v1/admin/users/${user.id}`, {
        method: "PATCH",
        body: { is_admin: !user.is_admin },
      });
      onChanged();
      return user.is_admin ? `${user.name} is no longer an admin.` : `${user.name} is now an admin.`;
    });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={action.pending || ownAdminRights}
        onClick={toggle}
        aria-describedby={ownAdminRights ? noteId : undefined}
        className={secondaryButton}
      >
        {user.is_admin ? "Remove admin" : "Make admin"}
        <ItemName>for {user.name}</ItemName>
      </button>
      {ownAdminRights && (
        <p id={noteId} className="text-xs text-zinc-600 dark:text-zinc-400">
          This is you: another admin can remove your admin rights.
        </p>
      )}
    </div>
  );
}
