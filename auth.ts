// Browser sign-in with Auth.js: email + password, a signed JWT in an httpOnly cookie. The JWT
// carries the id of a row in auth_sessions (`sid`), and every read of the session checks that
// row, so signing out, or revoking sessions after a password change, takes effect at once.
import "server-only";
import { inspect } from "node:util";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
// Brings the module into scope so the JWT augmentation below can find it.
import type {} from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { CredentialsSchema } from "./lib/accounts/schemas";
import { verifyCredentials } from "./lib/accounts/users";
import { createAuthSession, loadActorBySessionId, revokeAuthSession } from "./lib/auth/sessions";
import { authSecret, env } from "./lib/env";
import { chargeSignIn } from "./lib/http/rate-limit/request-limits";
import { limitPasswordAttempt } from "./lib/http/rate-limit/sign-in-guard";
import { RateLimited } from "./lib/http/rate-limit/verdict";
import { redactSecrets } from "./lib/redact";

/** Too many sign-in attempts from this address or for this email; the form says so. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

declare module "next-auth" {
  interface Session {
    /** The auth_sessions row behind this browser session; resolve the actor with it. */
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    uid?: number;
  }
}

// A function, not an object: Auth.js then builds the configuration per request, so
// `next build` never evaluates authSecret() (which may write .data/auth-secret or refuse).
function config(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    // Secure, __Secure- prefixed cookies: Auth.js decides per request from the scheme it sees
    // (X-Forwarded-Proto behind a proxy, or AUTH_URL). HSTS=true declares the site HTTPS-only,
    // so then they are Secure whatever a proxy forgot to forward.
    ...(env.hsts ? { useSecureCookies: true } : {}),
    session: { strategy: "jwt" },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const parsed = CredentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          // The same flood ceiling and failure limits as the API's token endpoint.
          const { email, password } = parsed.data;
          const verdict = await chargeSignIn(request);
          if (verdict && !verdict.allowed) throw new SignInRateLimited(verdict.resetSeconds);
          const actor = await limitPasswordAttempt(request, email, () =>
            verifyCredentials(email, password),
          ).catch((error: unknown) => {
            if (error instanceof RateLimited) throw new SignInRateLimited(error.verdict.resetSeconds);
            throw error;
          });
          return actor ? { id: String(actor.userId), name: actor.name, email: actor.email } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          // Sign-in: one auth_sessions row per browser sign-in.
          const uid = Number(user.id);
          return { ...token, uid, sid: await createAuthSession(uid, "browser") };
        }
        // Any later read: a revoked or expired row ends the session (null clears the cookie),
        // and the name shown is the current one.
        const actor = token.sid ? await loadActorBySessionId(token.sid) : null;
        if (!actor) return null;
        return { ...token, name: actor.name, email: actor.email };
      },
      session({ session, token }) {
        session.sid = token.sid ?? "";
        session.user.id = String(token.uid);
        return session;
      },
    },
    logger: {
      // A wrong password is an answer, not a server fault: keep it out of the error log.
      error(error) {
        // By `type`: production builds minify class names, so `name` is not reliable.
        // Masked like every error line: an error's text may quote what it was given. An unknown
        // action (/api/auth/anything) is the client's mistake, answered 400: not logged either.
        const type = (error as { type?: string }).type;
        if (type !== "CredentialsSignin" && type !== "UnknownAction")
          console.error("[auth]", redactSecrets(inspect(error)));
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await revokeAuthSession(sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
