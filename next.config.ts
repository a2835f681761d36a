import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Loaded by Node at run time instead of bundled: PGlite ships WebAssembly and data files it
  // finds next to its own module, and Prisma's client and the pg driver load native or
  // dynamically required code that bundlers mangle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
  ],
  // The compatibility API keeps the original's trailing-slash paths (`/chats/`). Next's own
  // redirect would strip the slash; proxy.ts adds it instead, for those prefixes only.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // `npm start` builds on a fresh clone; a type error in a test or script must not stop the app
  // from starting. Types are checked by `npm run typecheck` (tsc --noEmit), which CI runs.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
