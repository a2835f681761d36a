import type { ApiUser } from "@/lib/api/v1-types";
import type { ApiAction } from "../ui/use-api-action";

/** What each control on a user's card is handed: the user, the card's one action, and names. */
export type UserControlProps = {
  user: ApiUser;
  /** Shared by the card's controls: one change at a time, reported in the card's notice. */
  action: ApiAction;
  companyName: (id: number) => string;
  /** Reloads the list after a change, so the card shows the stored state. */
  onChanged: () => void;
};
