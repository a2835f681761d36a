// A client id per send, used as the Idempotency-Key so a retry can never create a second message.
export function newClientMessageId(): string {
  // randomUUID exists only in secure contexts (HTTPS, localhost); a plain-HTTP address on a local
  // network lacks it, while getRandomValues works everywhere.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `c-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}
