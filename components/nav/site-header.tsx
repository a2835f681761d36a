import Link from "next/link";
import { countUnread } from "@/lib/chats/unread";
import { listRepresentedCompanies } from "@/lib/companies/represented-companies";
import { getPageActor } from "@/lib/http/page-actor";
import { focusRing, primaryButton } from "../ui/styles";
import { signOutAction } from "./actions";
import { MainNav } from "./main-nav";

const NO_UNREAD = { total: 0, chats: 0 };

/**
 * The header: who is signed in and where they can go. The server reads what the first paint
 * needs (the represented companies and the unread totals); the client keeps the badges fresh.
 */
export async function SiteHeader() {
  const actor = await getPageActor();
  const representsAny = actor ? actor.isAdmin || actor.companyIds.length > 0 : false;
  const [companies, buyerUnread, companyUnread] = actor
    ? await Promise.all([
        // Admins get one console for every company rather than a switch with hundreds of entries.
        representsAny && !actor.isAdmin ? listRepresentedCompanies(actor) : [],
        countUnread(actor, "buyer"),
        representsAny ? countUnread(actor, "company") : NO_UNREAD,
      ])
    : [[], NO_UNREAD, NO_UNREAD];

  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="relative mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className={`shrink-0 rounded text-lg font-semibold tracking-tight ${focusRing}`}>
          Estate Chat
        </Link>
        {actor ? (
          <MainNav
            user={{ name: actor.name, email: actor.email }}
            isAdmin={actor.isAdmin}
            representsAny={representsAny}
            companies={companies}
            unread={{ buyer: buyerUnread, company: companyUnread }}
            signOut={signOutAction}
          />
        ) : (
          <nav aria-label="Account" className="flex items-center gap-3 text-sm">
            <Link href="/login" className={`rounded underline-offset-4 hover:underline ${focusRing}`}>
              Sign in
            </Link>
            <Link href="/register" className={primaryButton}>
              Create account
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
