// What app/api/v1 serves, read from the route files themselves: the tests that must cover every
// route (the authorization matrix, the OpenAPI document) compare their lists against this.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type DeclaredRoute = {
  method: string;
  /** As in app/api/v1, with `{param}` for dynamic segments, e.g. "/api/v1/chats/{id}". */
  route: string;
  /** A `[...param]` segment: serves every path below it (the 404 for unknown paths). */
  catchAll: boolean;
};

const root = path.resolve(import.meta.dirname, "../../app/api/v1");

function methodsExportedBy(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(
    /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
  )) {
    found.push(match[1] as string);
  }
  // `export { GET, POST }`, `export { x as GET }` and `export const { PUT, PATCH } = …`.
  for (const match of source.matchAll(/export\s*(?:const\s*)?\{([^}]*)\}/g)) {
    for (const name of match[1]?.split(",") ?? []) {
      const method = /\bas\s+(GET|POST|PUT|PATCH|DELETE)\b|^\s*(GET|POST|PUT|PATCH|DELETE)\s*$/.exec(name);
      if (method) found.push((method[1] ?? method[2]) as string);
    }
  }
  return found;
}

/** Every (method, route) that a route file under app/api/v1 exports. */
export function declaredRouteList(): DeclaredRoute[] {
  const found: DeclaredRoute[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^route\.(ts|tsx|js)$/.test(entry.name)) continue;
    const directory = path.relative(root, entry.parentPath).split(path.sep).join("/");
    const route = `/api/v1/${directory}`.replace(/\/$/, "").replace(/\[\[?\.{0,3}([^\]]+)\]\]?/g, "{$1}");
    const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    for (const method of methodsExportedBy(source)) {
      found.push({ method, route, catchAll: directory.includes("[...") });
    }
  }
  return found;
}

/** Every "METHOD /api/v1/route" a route file exports, sorted. */
export function declaredRoutes(): string[] {
  return declaredRouteList()
    .map(({ method, route }) => `${method} ${route}`)
    .sort();
}

/** A route file anywhere under app/ (versioned API, the original's paths, Auth.js, health). */
export type AppRoute = DeclaredRoute & { methods: string[] };

const appRoot = path.resolve(import.meta.dirname, "../../app");

/**
 * Every route file under app/, with the methods it exports and its path as a client writes it:
 * route groups such as `(compat)` are dropped, `[id]` becomes `{id}`, `[[...path]]` `{...path}`.
 */
export function declaredAppRoutes(): AppRoute[] {
  const found: AppRoute[] = [];
  for (const entry of readdirSync(appRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^route\.(ts|tsx|js)$/.test(entry.name)) continue;
    const directory = path.relative(appRoot, entry.parentPath).split(path.sep);
    const segments = directory
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      .map((segment) =>
        segment.replace(/^\[\[?(\.{3})?([^\]]+)\]\]?$/, (_m, dots = "", name) => `{${dots}${name}}`),
      );
    const route = `/${segments.join("/")}`;
    const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    const methods = [...new Set(methodsExportedBy(source))].filter((method) => method !== "OPTIONS");
    found.push({ method: methods[0] ?? "GET", methods, route, catchAll: route.includes("{...") });
  }
  return found.sort((a, b) => a.route.localeCompare(b.route));
}
