// How callers authenticate, as OpenAPI security schemes, and which of them each operation takes.
import type { Operation } from "./operation";

export const SECURITY_SCHEMES = {
  accessToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "The `access_token` from POST /api/v1/auth/token (renewed with POST /api/v1/auth/refresh), " +
      "sent as `Authorization: Bearer <token>`. A signed-in person holds every scope.",
  },
  apiKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "esk_… (company key) or esp_… (personal access token)",
    description:
      "An API key, sent as `Authorization: Bearer <key>`. It may do what its owner may, narrowed " +
      "to the scopes chosen when it was made; the scope an operation needs is in `x-required-scope`.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description:
      "The browser session of a signed-in person (`__Secure-authjs.session-token` over HTTPS). " +
      "It works from this site's own pages only: a request from another origin (its `Origin`, or " +
      "`Sec-Fetch-Site` without one) that changes something is refused with 403, and one that " +
      "reads is anonymous.",
  },
} as const;

type Requirement = Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>;

/** Alternatives, any one of which authenticates the call; `[]` for public operations. */
export function securityOf(operation: Operation): Requirement[] {
  if (operation.access === "public") return [];
  const people: Requirement[] = [{ accessToken: [] }, { session: [] }];
  // OpenAPI 3.1 allows role names in the array of non-OAuth schemes: the key's required scope.
  if (operation.access === "user" && operation.scope) return [...people, { apiKey: [operation.scope] }];
  return people;
}

export const ACCESS_DESCRIPTIONS: Record<Operation["access"], string> = {
  public: "No authentication.",
  user: "Any signed-in caller: a person (token or browser session) or an API key with the scope.",
  person: "A signed-in person (token or browser session); not an API key.",
  admin: "Admins only; everyone else gets 404.",
};
