// The one place that reads process.env. Everything is validated once, at first use, with a
// message that says which variable is wrong and how to fix it.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDuration, parseDurationList } from "./duration";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) =>
    value === undefined || value === "" ? undefined : value === "true" || value === "1",
  );

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === null || ms <= 0) {
        ctx.addIssue({
          code: "custom",
          message: 'must be a duration such as "500ms", "5s", "30m", "2h", "5d"',
        });
        return z.NEVER;
      }
      return ms;
    });

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(".data"),
  PGLITE_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  SEED_DEMO: flag,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * Cost of new password hashes: log2 of scrypt's N (OWASP's recommendation, 15, by default).
   * Stored with each hash, so a change applies to new passwords and old ones still verify.
   * Lower only where passwords protect nothing (the test suite signs up ~1,000 users).
   */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
  /** One JSON line per API request on stdout (lib/log.ts); on unless set to false. */
  LOG_REQUESTS: flag,
  /** The site is served over HTTPS: send Strict-Transport-Security (production only). */
  HSTS: flag,
  NODE_ENV: z.string().optional(),
  /** Adds X-Db-Queries (statements run for the request) to API answers: tests and benchmarks. */
  EXPOSE_QUERY_COUNT: flag,
  // Rate limits (lib/http/rate-limit); 0 switches a limit off.
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** /api/v1 calls per window per caller. */
  RATE_LIMIT_API: z.coerce.number().int().min(0).default(600),
  /** Sign-in, token, refresh and registration calls per window per IP, failed or not: floods. */
  RATE_LIMIT_AUTH: z.coerce.number().int().min(0).default(300),
  /** Failed sign-ins of one email before it is locked (1 s, doubling per further failure). */
  RATE_LIMIT_SIGNIN_LOCK_AFTER: z.coerce.number().int().min(0).default(5),
  RATE_LIMIT_SIGNIN_LOCK_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Failed sign-ins and refreshes per hour from one IP, across accounts. */
  RATE_LIMIT_SIGNIN_IP_FAILURES: z.coerce.number().int().min(0).default(100),
  // How many reverse proxies in front of the app append to X-Forwarded-For (lib/http/client-ip).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value, context) => parseOrigins(value ?? "", context)),
  /** Webhooks may target private, loopback and link-local addresses (tests, local development). */
  WEBHOOK_ALLOW_PRIVATE_URLS: flag,
  /** Run the webhook sender in this process (every instance may: claims never overlap). */
  WEBHOOK_WORKER: flag,
  /** Wait before each retry; the count of entries is the count of retries. Sum > 24 h by default. */
  WEBHOOK_RETRY_DELAYS: z
    .string()
    .default("5s,5m,30m,2h,5h,10h,10h")
    .transform((text, ctx) => {
      const delays = parseDurationList(text);
      if (!delays) {
        ctx.addIssue({
          code: "custom",
          message: 'must be a comma-separated list of durations, e.g. "5s,5m,30m"',
        });
        return z.NEVER;
      }
      return delays;
    }),
  WEBHOOK_POLL_INTERVAL: duration("1s"),
  /** How long a claimed delivery stays with its sender before another may take it over. */
  WEBHOOK_LEASE: duration("60s"),
  WEBHOOK_TIMEOUT: duration("10s"),
  /** An endpoint failing without a single success for this long is disabled. */
  WEBHOOK_DISABLE_AFTER: duration("5d"),
});

/** `*`, or a comma-separated list of origins (`https://app.example`), each exactly an origin. */
function parseOrigins(value: string, context: z.RefinementCtx): "*" | string[] {
  if (value.trim() === "*") return "*";
  const origins = value
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (URL.canParse(origin) && new URL(origin).origin === origin) continue;
    context.addIssue({
      code: "custom",
      message: `"${origin}" is not an origin: write scheme://host[:port], no path or trailing slash`,
    });
  }
  return origins;
}

function loadEnv() {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  if (raw.WEBHOOK_LEASE <= raw.WEBHOOK_TIMEOUT) {
    // A lease shorter than a send would let a second instance resend while the first still waits.
    throw new Error("Invalid environment:\n  WEBHOOK_LEASE: must be longer than WEBHOOK_TIMEOUT");
  }
  const dataDir = path.resolve(raw.DATA_DIR);
  const embedded = !raw.DATABASE_URL;
  return {
    ...raw,
    DATA_DIR: dataDir,
    PGLITE_DIR: raw.PGLITE_DIR ?? path.join(dataDir, "pglite"),
    /** True when the app runs on embedded PGlite rather than a PostgreSQL server. */
    embedded,
    /** Demo data is seeded into a new embedded database unless SEED_DEMO=false. */
    seedDemo: raw.SEED_DEMO ?? embedded,
    /**
     * Private webhook targets are allowed by default only in embedded mode (a developer's
     * machine); with DATABASE_URL (production) they are refused unless explicitly allowed.
     */
    webhookAllowPrivateUrls: raw.WEBHOOK_ALLOW_PRIVATE_URLS ?? embedded,
    webhookWorker: raw.WEBHOOK_WORKER ?? true,
    logRequests: raw.LOG_REQUESTS ?? true,
    /**
     * Opt-in: HSTS over a site that is not on HTTPS for good locks its users out for two years,
     * and `next dev` on localhost must never send it.
     */
    hsts: raw.HSTS === true && raw.NODE_ENV === "production",
    /** `next dev`: the page CSP allows what its tooling needs (eval, inline styles). */
    development: raw.NODE_ENV === "development",
  };
}

export type Env = ReturnType<typeof loadEnv>;
let cached: Env | undefined;

export const env: Env = new Proxy({} as Env, {
  get(_target, key) {
    cached ??= loadEnv();
    return cached[key as keyof Env];
  },
});

let secret: string | undefined;

/**
 * AUTH_SECRET signs sessions and tokens. With PostgreSQL (production) it must be set; the
 * embedded default generates one on first start and keeps it beside the data, so sessions
 * survive restarts on a developer's machine without any set-up.
 */
export function authSecret(): string {
  if (secret) return secret;
  if (env.AUTH_SECRET) {
    secret = env.AUTH_SECRET;
    return secret;
  }
  if (!env.embedded) {
    throw new Error(
      "AUTH_SECRET is not set. With DATABASE_URL (production) it is required: generate one with\n" +
        "  node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"\n" +
        "and set it in the environment of every instance (all instances must share it).",
    );
  }
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  secret = readFileSync(file, "utf8").trim();
  return secret;
}
