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
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
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
    const route = `/api/v1/${directory}`.replace(/\/$/, "").replace(/\[\.{0,3}([^\]]+)\]/g, "{$1}");
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
