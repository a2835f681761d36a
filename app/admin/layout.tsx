import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/http/page-actor";

// The admin check runs here, above loading.tsx: a non-admin gets a 404 response, as from the
// admin API, and not a 200 whose streamed body later turns into the not-found page.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("/admin");
  if (!actor.isAdmin) notFound();
  return children;
}
