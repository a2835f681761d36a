// Signing in the way the browser form does, over plain HTTP: Auth.js's CSRF token, then its
// credentials callback. For tests of the session cookie and of requests that carry it.
import { baseUrl } from "./http";

export type SignedIn = {
  /** The Set-Cookie lines of the sign-in answer. */
  setCookies: string[];
  /** A Cookie header carrying the session (and the CSRF cookie), as the browser would send. */
  cookie: string;
};

const pairs = (lines: string[]) => lines.map((line) => line.split(";")[0]);

/** Signs `who` in through the browser form's endpoints on `base` (default: the test server). */
export async function signInAsBrowser(
  who: { email: string; password: string },
  options: { base?: string; headers?: Record<string, string> } = {},
): Promise<SignedIn> {
  const base = options.base ?? baseUrl();
  const csrf = await fetch(new URL("/api/auth/csrf", base), { headers: options.headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = pairs(csrf.headers.getSetCookie());
  const signIn = await fetch(new URL("/api/auth/callback/credentials", base), {
    method: "POST",
    redirect: "manual",
    headers: {
      ...options.headers,
      cookie: csrfCookies.join("; "),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ csrfToken, email: who.email, password: who.password }),
  });
  await signIn.body?.cancel();
  if (signIn.status < 300 || signIn.status >= 400) throw new Error(`sign-in answered ${signIn.status}`);
  const setCookies = signIn.headers.getSetCookie();
  if (!sessionCookieLine(setCookies)) throw new Error(`no session cookie in ${setCookies.join(" | ")}`);
  return { setCookies, cookie: [...csrfCookies, ...pairs(setCookies)].join("; ") };
}

/** The Set-Cookie line of Auth.js's session cookie, under either of its names. */
export const sessionCookieLine = (lines: string[]) =>
  lines.find((line) => /^(__Secure-)?authjs\.session-token=/.test(line));

/** The Cookie header of a browser signed in as this user (the test server). Throws when sign-in fails. */
export async function sessionCookieFor(email: string, password: string): Promise<string> {
  return (await signInAsBrowser({ email, password })).cookie;
}

/**
 * Signs a browser session out the way the page's button does: Auth.js's CSRF token, then its
 * sign-out endpoint. Without the token Auth.js refuses (the answer says MissingCSRF).
 */
export async function signOutAsBrowser(
  cookie: string | undefined,
  options: { base?: string; withCsrfToken?: boolean } = {},
): Promise<Response> {
  const base = options.base ?? baseUrl();
  const csrf = await fetch(new URL("/api/auth/csrf", base), { headers: cookie ? { cookie } : {} });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = pairs(csrf.headers.getSetCookie());
  const answer = await fetch(new URL("/api/auth/signout", base), {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie: [cookie, ...csrfCookies].filter(Boolean).join("; "),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(options.withCsrfToken === false ? {} : { csrfToken }),
  });
  await answer.body?.cancel();
  return answer;
}
