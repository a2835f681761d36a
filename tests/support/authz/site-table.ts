// The rest of the authorization table: route files outside the two APIs, every page, and every
// server action, each with who may use it. tests/http/authz/site.test.ts and
// tests/http/authz/server-actions.test.ts try them as every kind of caller;
// tests/http/authz/coverage.test.ts fails when the app has a route, page or action without a row.

/** The browser's callers: nobody, or a session cookie of each kind of person. */
export const SITE_ROLES = [
  "anonymous",
  "buyer",
  "otherBuyer",
  "directRep",
  "groupRep",
  "otherRep",
  "admin",
] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** Route files outside app/api/v1 and app/(compat), by "METHOD /pattern". Anyone may call them. */
export const OTHER_ROUTE_TABLE = {
  // Liveness: answers without looking at the caller or the database.
  "GET /api/live": "public",
  // Readiness: the database answers; nothing about the caller.
  "GET /api/health": "public",
  // Auth.js: the session (each caller only their own), the CSRF token, the providers, the
  // sign-in redirect. The session is null for anonymous callers.
  "GET /api/auth/{nextauth}": "public",
  // Auth.js: the credentials sign-in and sign-out, both refused without the CSRF token.
  "POST /api/auth/{nextauth}": "public",
} as const;

/**
 * Who may see a page: `public` everyone; `guest` only the signed-out (the signed-in are sent
 * on to "/"); `user` the signed-in (others are sent to sign in); `admin` admins (other people
 * get 404); `buyerChat` the chat's buyer; `companyChat` the chat company's representatives and
 * admins (other people get 404 for both, as from the API); `redirect` sends everyone elsewhere.
 */
export type PageAccess = "public" | "guest" | "user" | "admin" | "buyerChat" | "companyChat" | "redirect";

/**
 * Every page under app/, by URL pattern; `{chatId}` is the world's chat, `{listingId}` a listing
 * of the world's company A.
 */
export const PAGE_TABLE: Record<string, PageAccess> = {
  "/": "public",
  "/docs/api": "public",
  "/login": "guest",
  "/register": "guest",
  "/companies": "user",
  "/inbox": "user",
  // Everyone signed in may open it: a person who represents no company is told so (200).
  "/console": "user",
  "/settings": "redirect",
  "/settings/api-keys": "user",
  "/settings/webhooks": "user",
  "/admin": "admin",
  "/inbox/{chatId}": "buyerChat",
  "/console/chats/{chatId}": "companyChat",
  // The marketplace's homes are open to everyone signed in (as GET /api/v1/listings/{id}), so a
  // buyer can ask about one; an unknown id is the 404 page (site.test.ts).
  "/listings/{listingId}": "user",
};

/**
 * Every server action, by "file#export": `public` anyone may invoke it (signing in and
 * registering); `session` it acts on the caller's own browser session only (signing out).
 * `page` is where its form is rendered, for invoking it as a browser without JavaScript does.
 */
export const ACTION_TABLE: Record<string, { access: "public" | "session"; page: string }> = {
  "app/login/actions.ts#signInWithPassword": { access: "public", page: "/login" },
  "app/register/actions.ts#registerAccount": { access: "public", page: "/register" },
  "components/nav/actions.ts#signOutAction": { access: "session", page: "/" },
};
