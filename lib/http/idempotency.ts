// Idempotency-Key for POSTs to /api/v1, after the IETF draft (draft-ietf-httpapi-idempotency-
// key-header): the first request claims the key; a retry with the same body gets the first
// answer again (Idempotent-Replayed: true); the same key with another body or endpoint is 422;
// a duplicate while the first still runs is 409. Keys are per caller and kept 24 h.
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
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
 * INSERT … ON CONFLICT: exactly one concurrent request wins the key. An expired row, or a claim
 * whose request died without an answer (a crashed instance; no handler runs 60 s), is taken over.
 */
async function claimKey(attempt: Attempt): Promise<Claim | null> {
  const claimToken = randomUUID();
  const rows = await db().$queryRaw<{ claim_token: string }[]>`
    INSERT INTO idempotency_keys (caller, key, method, path, fingerprint, state, claim_token, created_at, expires_at)
    VALUES (${attempt.caller}, ${attempt.key}, ${attempt.method}, ${attempt.path}, ${attempt.fingerprint},
            'in_flight', ${claimToken}, now(), now() + interval '24 hours')
    ON CONFLICT (caller, key) DO UPDATE SET
      method = EXCLUDED.method, path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint,
      state = 'in_flight', claim_token = EXCLUDED.claim_token, status = NULL, headers = NULL,
      body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
    WHERE idempotency_keys.expires_at <= now()
       OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.created_at < now() - interval '60 seconds')
    RETURNING claim_token`;
  if (rows.length === 0) return null;
  // Expired rows are purged in small batches now and then: no cron, and no request pays much.
  if (Math.random() < 0.01) await purgeExpiredKeys();
  return { caller: attempt.caller, key: attempt.key, claimToken };
}

async function runClaimed(claim: Claim, run: () => Promise<Response>): Promise<Response> {
  const where = { caller: claim.caller, key: claim.key, claimToken: claim.claimToken };
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db().idempotencyKey.deleteMany({ where });
    throw error;
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
  await db().idempotencyKey.updateMany({
    where,
    data: { state: "done", status: response.status, headers, body },
  });
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

async function purgeExpiredKeys(): Promise<void> {
  await db().$executeRaw`
    DELETE FROM idempotency_keys WHERE id IN (
      SELECT id FROM idempotency_keys WHERE expires_at < now() LIMIT 500)`;
}
