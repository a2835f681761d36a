// Endpoint secrets at rest. They must be readable to sign deliveries, so they are encrypted
// rather than hashed: AES-256-GCM with a key derived (HKDF) from AUTH_SECRET, which every
// instance shares and which never sits in the database. A copy of the database alone cannot
// forge deliveries. Rotating AUTH_SECRET makes stored secrets unreadable: rotate them too.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../env";

const VERSION = "v1";

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "estate-chat webhook secrets", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function encryptWebhookSecret(plain: string, secret = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptWebhookSecret(sealed: string, secret = authSecret()): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("unreadable webhook secret");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** What the settings page shows after creation: enough to tell secrets apart, too little to use. */
export function secretHint(plain: string): string {
  return `${plain.slice(0, 10)}…${plain.slice(-4)}`;
}
