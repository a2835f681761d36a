// What the app serves, read from its files: route handlers (route.ts), pages (page.tsx) and
// server actions ("use server" modules). The tests that must cover everything (the
// authorization tables, the OpenAPI document) compare their lists against these, so a new
// route, page or action without a row fails a test instead of going unchecked.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type DeclaredRoute = {
  method: string;
  /** As in app/api/v1, with `{param}` for dynamic segments, e.g. "/api/v1/chats/{id}". */
  route: string;
  /** A `[...param]` segment: serves every path below it (the 404 for unknown paths). */
  catchAll: boolean;
};

const repo = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(repo, "app");
const v1Dir = path.join(appDir, "api/v1");

const HTTP_METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";

/** `withFixedRefusals`: also the compatibility API's `otherMethods` exports (a fixed 405). */
function methodsExportedBy(source: string, { withFixedRefusals = false } = {}): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(
    new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+(${HTTP_METHODS})\\b`, "g"),
  )) {
    found.push(match[1] as string);
  }
  // `export { GET, POST }`, `export { x as GET }` and `export const { GET, POST } = handlers`.
  for (const match of source.matchAll(/export\s*(?:const\s*)?\{([^}]*)\}\s*(=\s*(\w+))?/g)) {
    // The compatibility API's `export const { PUT, … } = otherMethods(…)` are its 405 answers.
    if (match[3] === "otherMethods" && !withFixedRefusals) continue;
    for (const name of match[1]?.split(",") ?? []) {
      const method = new RegExp(`\\bas\\s+(${HTTP_METHODS})\\b|^\\s*(${HTTP_METHODS})\\s*$`).exec(name);
      if (method) found.push((method[1] ?? method[2]) as string);
    }
  }
  return found;
}

/** Files named `name` under `dir`, with their directory relative to app/. */
function filesNamed(dir: string, name: RegExp): { file: string; directory: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => ({
      file: path.join(entry.parentPath, entry.name),
      directory: path.relative(appDir, entry.parentPath).split(path.sep).join("/"),
    }));
}

/**
 * The URL pattern of an app/ directory: route groups `(x)` vanish, `[x]`, `[...x]` and
 * `[[...x]]` become `{x}`. "api/v1/chats/[id]" → "/api/v1/chats/{id}", "(compat)/chats" → "/chats".
 */
export function urlPatternOf(directory: string, { markCatchAll = false } = {}): string {
  const segments = directory
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) =>
      // `[x]`, `[...x]` and the optional `[[...x]]`; `markCatchAll` writes the last two `{...x}`.
      segment.replace(/^\[\[?(\.{3})?([^\]]+)\]\]?$/, (_match, dots = "", name) =>
        markCatchAll ? `{${dots}${name}}` : `{${name}}`,
      ),
    );
  return `/${segments.join("/")}`;
}

/** Every (method, route) that a route file under app/api/v1 exports. */
export function declaredRouteList(): DeclaredRoute[] {
  return filesNamed(v1Dir, /^route\.(ts|tsx|js)$/).flatMap(({ file, directory }) =>
    methodsExportedBy(readFileSync(file, "utf8")).map((method) => ({
      method,
      route: urlPatternOf(directory),
      catchAll: directory.includes("[..."),
    })),
  );
}

/** Every "METHOD /api/v1/route" a route file exports, sorted. */
export function declaredRoutes(): string[] {
  return declaredRouteList()
    .map(({ method, route }) => `${method} ${route}`)
    .sort();
}

/** Every route file anywhere under app/: its file (relative to app/) and the methods it serves. */
export function allRouteFiles(): { file: string; route: string; methods: string[] }[] {
  return filesNamed(appDir, /^route\.(ts|tsx|js)$/)
    .map(({ file, directory }) => ({
      file: path.relative(appDir, file).split(path.sep).join("/"),
      route: urlPatternOf(directory),
      methods: methodsExportedBy(readFileSync(file, "utf8")).sort(),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Every page under app/, as its URL pattern ("/inbox/{chatId}"), sorted. */
export function declaredPages(): string[] {
  return filesNamed(appDir, /^page\.(tsx|ts|jsx|js|mdx)$/)
    .map(({ directory }) => urlPatternOf(directory))
    .sort();
}

const SOURCE_DIRS = ["app", "components", "lib"];

/**
 * Every exported server action, as "file#name" (file relative to the repository): the
 * exported functions of modules that begin with "use server". Each is a public POST endpoint.
 */
export function declaredServerActions(): string[] {
  const found: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(path.join(repo, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name) || entry.parentPath.includes("generated"))
        continue;
      const file = path.join(entry.parentPath, entry.name);
      const source = readFileSync(file, "utf8");
      if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) continue;
      const relative = path.relative(repo, file).split(path.sep).join("/");
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function\s+|const\s+)(\w+)/g)) {
        found.push(`${relative}#${match[1]}`);
      }
    }
  }
  return found.sort();
}

/** A route file anywhere under app/, with every method it answers, as the hostile-input test walks it. */
export type AppRoute = DeclaredRoute & { methods: string[] };

/**
 * Every route file under app/ (versioned API, the original's paths, Auth.js, probes), with the
 * methods it exports, fixed 405s included, and catch-all segments written `{...name}`.
 */
export function declaredAppRoutes(): AppRoute[] {
  return filesNamed(appDir, /^route\.(ts|tsx|js)$/)
    .map(({ file, directory }) => {
      const route = urlPatternOf(directory, { markCatchAll: true });
      const exported = methodsExportedBy(readFileSync(file, "utf8"), { withFixedRefusals: true });
      const methods = [...new Set(exported)].filter((method) => method !== "OPTIONS");
      return { method: methods[0] ?? "GET", methods, route, catchAll: route.includes("{...") };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
