// The (method, route) pairs app/api/v1 exports, read from the route files, so tables of routes
// in tests (authorization, API-key scopes) fail when a route is added without a row.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every "METHOD /api/v1/route" exported by app/api/v1, with `{param}` for dynamic segments. */
export function declaredRoutes(): string[] {
  const root = path.resolve(import.meta.dirname, "../../app/api/v1");
  const found: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^route\.(ts|tsx|js)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const route = `/api/v1/${path.relative(root, entry.parentPath).split(path.sep).join("/")}`
      .replace(/\/$/, "")
      .replace(/\[\.{0,3}([^\]]+)\]/g, "{$1}");
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(
      /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
    )) {
      found.push(`${match[1]} ${route}`);
    }
    for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const name of match[1]?.split(",") ?? []) {
        const method = /\bas\s+(GET|POST|PUT|PATCH|DELETE)\b|^\s*(GET|POST|PUT|PATCH|DELETE)\s*$/.exec(name);
        if (method) found.push(`${method[1] ?? method[2]} ${route}`);
      }
    }
  }
  return found.sort();
}
