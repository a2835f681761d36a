import { redirect } from "next/navigation";

/** Settings has no page of its own: its first section is API keys. */
export default function SettingsPage() {
  redirect("/settings/api-keys");
}
