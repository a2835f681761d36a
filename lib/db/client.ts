// The Prisma client, one per process. PGlite when DATABASE_URL is not set (data in ./.data),
// PostgreSQL through node-postgres otherwise. Opened lazily: `next build` evaluates modules
// and must not open the database. Kept on globalThis because Next.js may load this module
// more than once per process, and two PGlite instances on one directory silently diverge.
import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { recordQuery } from "./query-count";

type Database = {
  prisma: PrismaClient;
  /** Present in embedded mode: the in-process PostgreSQL the client talks to. */
  pglite?: PGlite;
  pool?: pg.Pool;
};

const holder = globalThis as typeof globalThis & { __estateChatDb?: Database };

/**
 * How long a transaction may wait for a pool connection before failing. Prisma's default, 2 s,
 * turned a burst (`npm run load`: 200 users on a busy 2-core machine) into 500s on sends and
 * marks-read while plain queries, which the pool lets wait, kept being answered: a transaction
 * now waits like any other query, and only a server overloaded for longer fails.
 */
const TRANSACTION_MAX_WAIT_MS = 15_000;

/** With EXPOSE_QUERY_COUNT, every statement is reported to lib/db/query-count.ts. */
function clientFor(adapter: PrismaPg | PrismaPGlite): PrismaClient {
  const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };
  if (!env.EXPOSE_QUERY_COUNT) return new PrismaClient({ adapter, transactionOptions });
  const prisma = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", recordQuery);
  return prisma;
}

function openDatabase(): Database {
  if (env.DATABASE_URL) {
    // A bounded connect: a database host that does not answer at all (not just refuses) makes
    // requests fail with 503 after 10 s instead of hanging for the OS's TCP timeout.
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 10_000,
    });
    return { prisma: clientFor(new PrismaPg(pool)), pool };
  }
  const pglite = new PGlite(env.PGLITE_DIR);
  return { prisma: clientFor(new PrismaPGlite(pglite)), pglite };
}

export function database(): Database {
  holder.__estateChatDb ??= openDatabase();
  return holder.__estateChatDb;
}

/** The Prisma client. Use it through lib/ domain functions, which scope every query by actor. */
export function db(): PrismaClient {
  return database().prisma;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.__estateChatDb;
  if (!current) return;
  holder.__estateChatDb = undefined;
  await current.prisma.$disconnect();
  // $disconnect does not close PGlite or our pool; without this the process never exits.
  await current.pglite?.close();
  await current.pool?.end();
}

export { Prisma } from "../generated/prisma/client";
export type { PrismaClient };
