// DRF's PageNumberPagination as the original used it: `?page=N`, 10 a page, a total count and
// absolute links. A page that is not a positive number, or past the last page, is a 404.
import { AppError } from "../errors";
import { DRF } from "./errors";

export const COMPAT_PAGE_SIZE = 10;

const invalidPage = () => new AppError("not_found", DRF.invalidPage);

/** The requested page number (1 when absent). */
export function pageNumberOf(request: Request): number {
  const raw = new URL(request.url).searchParams.get("page");
  if (raw === null) return 1;
  if (!/^\d{1,9}$/.test(raw.trim())) throw invalidPage();
  const page = Number(raw.trim());
  if (page < 1) throw invalidPage();
  return page;
}

// A host name, IPv4 or [IPv6] address, with an optional port: nothing else goes into a link.
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The URL the client used. Next's request.url names the server's own host (localhost), so the
 * host comes from the forwarded or Host header, as Django's build_absolute_uri took it.
 */
function clientUrl(request: Request): URL {
  const url = new URL(request.url);
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host")?.trim();
  // Not `url.host = host`: that would keep the server's port when the header names none.
  return host && HOST.test(host) ? new URL(`${url.pathname}${url.search}`, `${url.protocol}//${host}`) : url;
}

/** The same URL on another page; page 1 drops the parameter, as DRF does. */
function pageUrl(request: Request, page: number): string {
  const url = clientUrl(request);
  if (page === 1) url.searchParams.delete("page");
  else url.searchParams.set("page", String(page));
  return url.toString();
}

/** The page envelope; throws 404 for a page past the end (an empty first page is fine). */
export function pageEnvelope<T>(request: Request, page: number, count: number, results: T[]) {
  const pages = Math.max(1, Math.ceil(count / COMPAT_PAGE_SIZE));
  if (page > pages) throw invalidPage();
  return {
    count,
    next: page < pages ? pageUrl(request, page + 1) : null,
    previous: page > 1 ? pageUrl(request, page - 1) : null,
    results,
  };
}
