// Browser sessions for HTTP tests: signs in through Auth.js's own endpoints, as the sign-in
// form's fallback does (CSRF token, then the credentials callback), and returns the cookie
// header a browser would send afterwards.
import { baseUrl } from "./http";

const cookiePairs = (response: Response) =>
  response.headers.getSetCookie().map((line) => line.split(";")[0] as string);

/** The Cookie header of a browser signed in as this user. Throws when sign-in fails. */
export async function sessionCookieFor(email: string, password: string): Promise<string> {
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl()));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = cookiePairs(csrf).join("; ");
  const signIn = await fetch(new URL("/api/auth/callback/credentials", baseUrl()), {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  await signIn.body?.cancel();
  const session = cookiePairs(signIn).find((pair) => /^(__Secure-)?authjs\.session-token=/.test(pair));
  if (!session) throw new Error(`browser sign-in of ${email} failed: ${signIn.status}`);
  return [cookie, session].join("; ");
}
