// Registration-time check of an endpoint URL. Delivery checks again after its own DNS lookup
// (lib/webhooks/post-webhook.ts): a name that resolved to a public address today may not tomorrow.
import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "../env";
import { AppError } from "../errors";
import { isPrivateAddress } from "./address-policy";

const invalidUrl = (message: string) =>
  new AppError("validation_failed", "The webhook URL is not allowed.", [{ field: "url", message }]);

/** The hostname without IPv6 brackets, as DNS and isIP want it. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** Throws a 422 on `url` unless it is http(s) and (when required) reaches only public addresses. */
export async function checkWebhookUrl(
  text: string,
  allowPrivate = env.webhookAllowPrivateUrls,
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidUrl("Must be an absolute http:// or https:// URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw invalidUrl("Must use http or https.");
  if (url.username || url.password) throw invalidUrl("Must not contain a user name or password.");
  if (allowPrivate) return url;
  const host = bareHost(url);
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      throw invalidUrl("The host name does not resolve.");
    }
  }
  if (addresses.some(isPrivateAddress)) {
    throw invalidUrl("Must not point at a private, loopback or link-local address.");
  }
  return url;
}
