// One HTTP attempt. node:http rather than fetch: its `lookup` hook lets us refuse a private
// address after DNS resolution, on the very connection we use (no time-of-check gap for DNS
// rebinding). Redirects are never followed: a 3xx is a failed attempt like any other non-2xx.

import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./address-policy";
import { bareHost } from "./check-webhook-url";

export type AttemptOutcome = { statusCode: number | null; latencyMs: number; error: string | null };
export type PostOptions = { timeoutMs: number; allowPrivate: boolean };

const PRIVATE_REFUSED = "refused: the host resolves to a private address";

/** dns.lookup, refusing private answers unless allowed. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const usable = allowPrivate ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      const [first] = usable;
      if (!first) return callback(new Error(PRIVATE_REFUSED), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve({ statusCode: null, latencyMs: 0, error: "invalid URL" });
    }
    // An IP literal never reaches `lookup`: check it here.
    const host = bareHost(url);
    if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) {
      return resolve({ statusCode: null, latencyMs: 0, error: PRIVATE_REFUSED });
    }
    const client = url.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-length": Buffer.byteLength(body),
        "user-agent": "EstateChat-Webhooks/1",
      },
      lookup: guardedLookup(options.allowPrivate),
      // A fresh connection per attempt: pooled sockets would skip the address check.
      agent: false,
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on("response", (response) => {
      // The status is all we need: drain the body, and hang up on a receiver that never ends it.
      response.resume();
      setTimeout(() => request.destroy(), options.timeoutMs).unref();
      finish({ statusCode: response.statusCode ?? null, latencyMs: elapsed(), error: null });
    });
    request.on("error", (error) => {
      finish({ statusCode: null, latencyMs: elapsed(), error: String(error.message).slice(0, 500) });
    });
    request.end(body);
  });
}
