// The problem+json answers an operation can give, from what it takes and who may call it. They
// follow lib/http: readJson (400/413/415/422), requireCaller (401, and 403 for another origin's
// session cookie), parseId (404), requireAdmin (404 for non-admins), zod errors (422).
import { MAX_BODY_BYTES } from "../../http/body";
import type { Operation } from "./operation";

export function errorAnswersOf(operation: Operation): Map<number, string[]> {
  const answers = new Map<number, string[]>();
  const add = (status: number, why: string) => answers.set(status, [...(answers.get(status) ?? []), why]);
  if (operation.body) {
    add(400, "The body is not valid JSON, or holds text the database cannot store (NUL).");
    add(413, `The body is larger than ${(operation.maxBodyBytes ?? MAX_BODY_BYTES) / 1024} KiB.`);
    add(415, "The body is not sent with `Content-Type: application/json`.");
    add(422, "Invalid fields in the body; `errors` lists them.");
  }
  if (operation.query) add(422, "Invalid query parameters; `errors` lists them.");
  if (operation.idempotent) add(422, "An Idempotency-Key that is not 1–200 printable ASCII characters.");
  if (operation.idempotent === "required") add(422, "No Idempotency-Key.");
  if (operation.access !== "public") add(401, "No credentials, or invalid, expired or revoked ones.");
  if (operation.scope) add(403, `An API key without the \`${operation.scope}\` scope.`);
  if (operation.access === "person" || operation.access === "admin") {
    add(403, "An API key: only a signed-in person may call this.");
  }
  if (operation.access !== "public" && operation.method !== "get") {
    add(403, "The session cookie, on a request from another origin (lib/http/cross-origin.ts).");
  }
  if (operation.access === "admin") add(404, "The caller is not an admin (admin paths are not advertised).");
  if (operation.params) add(404, "Nothing with this id, or not the caller's: the two are indistinguishable.");
  for (const [status, why] of Object.entries(operation.errors ?? {})) add(Number(status), why);
  return new Map([...answers].sort(([a], [b]) => a - b));
}
