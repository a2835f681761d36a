// Idempotency-Key for POSTs to /api/v1, after the IETF draft (draft-ietf-httpapi-idempotency-
// key-header): the first request claims the key; a retry with the same body gets the first
// answer again (Idempotent-Replayed: true); the same key with another body or endpoint is 422;
// a duplicate while the first still runs is 409. Keys are per caller and kept 24 h.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../db/client";
import { text } from "../db/columns";
import { queryRows } from "../db/sql";
import { authSecret } from "../env";
import { AppError } from "../errors";
import { MAX_BODY_BYTES, readCapped } from "./body";
import { problemResponse } from "./errors";
import {
  fingerprintOf,
  isReplayable,
  isValidIdempotencyKey,
  REPLAYED_HEADERS,
  usesIdempotencyStore,
} from "./idempotency-key";

type Attempt = { caller: string; key: string; method: string; path: string; fingerprint: string };
type Claim = { caller: string; key: string; claimToken: string };

/** Runs `run` at most once per caller and key; see the header of this file. */
export async function withIdempotency(
  request: Request,
  identity: string | null,
  requestId: string,
  run: () => Promise<Response>,
): Promise<Response> {
  if (!identity || !usesIdempotencyStore(request, identity)) return run();
  const key = request.headers.get("idempotency-key") ?? "";
  if (!isValidIdempotencyKey(key)) {
    return problemResponse(
      new AppError("validation_failed", "The idempotency key is not valid.", [
        { field: "Idempotency-Key", message: "Use 1 to 200 printable ASCII characters without spaces." },
      ]),
      requestId,
    );
  }
  const url = new URL(request.url);
  const attempt: Attempt = {
    caller: identity,
    key,
    method: request.method,
    path: url.pathname + url.search,
    fingerprint: fingerprintOf(await readCapped(request.clone(), MAX_BODY_BYTES), authSecret()),
  };
  // A released claim can vanish between our failed claim and our read: then claim again.
  for (let round = 0; round < 3; round++) {
    const claim = await claimKey(attempt);
    if (claim) return runClaimed(claim, run);
    const existing = await db().idempotencyKey.findUnique({
      where: { caller_key: { caller: identity, key } },
    });
    if (existing) return answerExisting(existing, attempt, requestId);
  }
  return stillInFlight(requestId);
}

/**
 * How long a claim holds without being renewed. Its request renews it while it runs (below), so
 * only a claim whose process died (SIGKILL, a crashed instance) runs out: a retry then takes it
 * over after at most this long instead of seeing 409 until the key expires.
 */
const CLAIM_LEASE_SECONDS = 10;
const LEASE = Prisma.raw(`interval '${CLAIM_LEASE_SECONDS} seconds'`);
const CLAIM_RENEW_MS = 3_000;
const ANSWER_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * INSERT … ON CONFLICT: exactly one concurrent request wins the key. A row whose expires_at has
 * passed is taken over: an answer kept 24 h, or a claim whose lease ran out (its request died).
 */
async function claimKey(attempt: Attempt): Promise<Claim | null> {
  const claimToken = randomUUID();
  // Hand-written (lib/db/sql.ts): this and the answer's UPDATE run on every keyed POST.
  const rows = await queryRows(
    { claim_token: text },
    Prisma.sql`
    INSERT INTO idempotency_keys (caller, key, method, path, fingerprint, state, claim_token, created_at, expires_at)
    VALUES (${attempt.caller}, ${attempt.key}, ${attempt.method}, ${attempt.path}, ${attempt.fingerprint},
            'in_flight', ${claimToken}, now(), now() + ${LEASE})
    ON CONFLICT (caller, key) DO UPDATE SET
      method = EXCLUDED.method, path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint,
      state = 'in_flight', claim_token = EXCLUDED.claim_token, status = NULL, headers = NULL,
      body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
    WHERE idempotency_keys.expires_at <= now()
    RETURNING claim_token`,
  );
  if (rows.length === 0) return null;
  // Expired rows are purged in small batches now and then: no cron, and no request pays much.
  if (Math.random() < 0.01) await purgeExpiredKeys();
  return { caller: attempt.caller, key: attempt.key, claimToken };
}

/** Extends the claim's lease every few seconds while its request runs; stop() when it ends. */
function renewWhileRunning(claim: Claim): { stop(): void } {
  const timer = setInterval(() => {
    db().$executeRaw`
        UPDATE idempotency_keys SET expires_at = now() + ${LEASE}
        WHERE caller = ${claim.caller} AND key = ${claim.key} AND claim_token = ${claim.claimToken}
          AND state = 'in_flight'`
      // A failed renewal (database away) is retried on the next tick; the request itself fails too.
      .catch(() => {});
  }, CLAIM_RENEW_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function runClaimed(claim: Claim, run: () => Promise<Response>): Promise<Response> {
  const where = { caller: claim.caller, key: claim.key, claimToken: claim.claimToken };
  let response: Response;
  const lease = renewWhileRunning(claim);
  try {
    response = await run();
  } catch (error) {
    await db().idempotencyKey.deleteMany({ where });
    throw error;
  } finally {
    lease.stop();
  }
  if (!isReplayable(response.status)) {
    await db().idempotencyKey.deleteMany({ where });
    return response;
  }
  const body = response.body ? await response.text() : null;
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  await queryRows(
    { state: text },
    Prisma.sql`
      UPDATE idempotency_keys
      SET state = 'done', status = ${response.status}::int, headers = ${JSON.stringify(headers)}::jsonb,
          body = ${body}::text, expires_at = ${new Date(Date.now() + ANSWER_KEPT_MS)}::timestamptz
      WHERE caller = ${claim.caller} AND key = ${claim.key} AND claim_token = ${claim.claimToken}
      RETURNING state::text`,
  );
  return new Response(body, { status: response.status, headers: response.headers });
}

type StoredKey = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["idempotencyKey"]["findUnique"]>>>;

function answerExisting(existing: StoredKey, attempt: Attempt, requestId: string): Response {
  const sameRequest =
    existing.method === attempt.method &&
    existing.path === attempt.path &&
    existing.fingerprint === attempt.fingerprint;
  if (!sameRequest) {
    return problemResponse(
      new AppError("idempotency_mismatch", "This Idempotency-Key was already used for a different request.", [
        { field: "Idempotency-Key", message: "Use a new key for a new request." },
      ]),
      requestId,
    );
  }
  if (existing.state === "in_flight" || existing.status === null) return stillInFlight(requestId);
  const headers = new Headers((existing.headers as Record<string, string> | null) ?? {});
  headers.set("idempotent-replayed", "true");
  return new Response(existing.body, { status: existing.status, headers });
}

function stillInFlight(requestId: string): Response {
  const response = problemResponse(
    new AppError(
      "conflict",
      "A request with this Idempotency-Key is still being processed. Retry once it has finished.",
    ),
    requestId,
  );
  response.headers.set("retry-after", "1");
  return response;
}

/** A minute past expiry: a live claim renewed a little late is never purged under its request. */
async function purgeExpiredKeys(): Promise<void> {
  await db().$executeRaw`
    DELETE FROM idempotency_keys WHERE id IN (
      SELECT id FROM idempotency_keys WHERE expires_at < now() - interval '1 minute' LIMIT 500)`;
}
