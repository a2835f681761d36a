// Calling a server action over HTTP as the browser's JavaScript does: POST to the page with the
// action's id in `Next-Action` and its arguments encoded as React encodes a reply. The forms'
// actions take (previous state, FormData): part "0" holds the argument list, with "$K1" standing
// for the FormData whose fields are the parts prefixed "_1_" (React 19.2's encoding). Ids come from the build's manifest
// (the test server serves this checkout's build).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const MANIFEST = path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json");

type ManifestEntry = { filename: string; exportedName: string };

/**
 * The server actions `next build` compiled, as "file#export" → the id a request names in
 * `Next-Action`. Next's own list: it includes inline "use server" functions a source scan misses.
 */
export function builtServerActions(): Map<string, string> {
  if (!existsSync(MANIFEST)) throw new Error(`no build at ${MANIFEST}`);
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(
    Object.entries(manifest.node).map(([id, { filename, exportedName }]) => [
      `${filename}#${exportedName}`,
      id,
    ]),
  );
}

/** The id `next build` gave the action exported as `exportedName` from a file under app/. */
export function serverActionId(exportedName: string): string {
  const ids = [...builtServerActions()]
    .filter(([action]) => action.startsWith("app/") && action.endsWith(`#${exportedName}`))
    .map(([, id]) => id);
  if (ids.length !== 1) throw new Error(`${ids.length} server actions named ${exportedName} in ${MANIFEST}`);
  return ids[0] as string;
}

export type ActionAnswer = { status: number; text: string; setCookies: string[] };

/** Calls a form action `exportedName` of the page at `pagePath` with `fields` as its FormData. */
export async function callServerAction(
  base: string,
  pagePath: string,
  exportedName: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  // Last, as React sends it: the server reads parts as they stream in, and resolves "$K1" from
  // the parts that came before.
  body.append("0", JSON.stringify([{}, "$K1"]));
  const response = await fetch(new URL(pagePath, base), {
    method: "POST",
    redirect: "manual",
    headers: { accept: "text/x-component", "next-action": serverActionId(exportedName), ...headers },
    body,
  });
  return {
    status: response.status,
    text: await response.text(),
    setCookies: response.headers.getSetCookie(),
  };
}
