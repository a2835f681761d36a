// `npm run bench:realtime`: send-to-receive latency of live events, measured, not asserted.
// Builds if needed, starts two `next start` instances on a throw-away PostgreSQL database, opens
// 100 and then 1,000 streams on instance A, and times messages from send to arrival on a stream
// (p50, p99). Then the same across instances (sent through A, streams on B), and the server's
// memory per 1,000 streams. Figures vary with the machine: compare runs on one machine.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { call, signUp, type TestUser, tokenFor } from "../tests/support/http";
import { SseClient } from "../tests/support/sse";
import { buildIsStale } from "./build-freshness";
import { createPostgresDatabase } from "./postgres-database";
import { type RunningServer, startServer } from "./test-server";

const root = path.resolve(import.meta.dirname, "..");
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ADMIN = { email: "bench-admin@example.test", password: "bench-admin-password" };
const STREAMS_PER_USER = 20; // the server's cap per user
const SAMPLES = 200;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const rssMiB = (server: RunningServer) => {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

type Buyer = TestUser & { chatId: number };

async function setUp(baseUrl: string, buyers: number) {
  process.env.TEST_BASE_URL = baseUrl;
  const admin = await tokenFor(ADMIN.email, ADMIN.password);
  const company = await call("POST", "/api/v1/admin/companies", {
    token: admin,
    body: { name: "Bench Realty" },
  });
  const rep = await signUp("bench-rep");
  await call("PATCH", `/api/v1/admin/users/${rep.id}`, {
    token: admin,
    body: { company_id: company.body.id },
  });
  const people: Buyer[] = [];
  for (let i = 0; i < buyers; i++) {
    const buyer = await signUp(`bench-buyer-${i}`);
    const chat = await call("POST", "/api/v1/chats", {
      token: buyer.token,
      body: { company_id: company.body.id },
    });
    people.push({ ...buyer, chatId: chat.body.id });
  }
  return { rep, buyers: people };
}

/** Opens `count` streams, spread over the buyers; returns them grouped by chat. */
async function openStreams(baseUrl: string, buyers: Buyer[], count: number) {
  const byChat = new Map<number, SseClient[]>();
  const all: SseClient[] = [];
  for (let i = 0; i < count; i++) {
    const buyer = buyers[Math.floor(i / STREAMS_PER_USER)] as Buyer;
    const client = new SseClient(buyer.token, "/api/v1/events", baseUrl);
    all.push(client);
    byChat.set(buyer.chatId, [...(byChat.get(buyer.chatId) ?? []), client]);
  }
  for (let i = 0; i < all.length; i += 50) await Promise.all(all.slice(i, i + 50).map((c) => c.open()));
  await Promise.all(all.map((c) => c.waitFor((events) => events.some((e) => e.event === "ready"), 30_000)));
  return { byChat, all };
}

/** Sends SAMPLES messages to random chats; latency = send start → arrival on each stream of that chat. */
async function measure(sendUrl: string, rep: TestUser, byChat: Map<number, SseClient[]>): Promise<number[]> {
  process.env.TEST_BASE_URL = sendUrl;
  const chats = [...byChat.keys()];
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const chatId = chats[i % chats.length] as number;
    const content = `bench ${i}`;
    const startedAt = performance.now();
    const arrived = (byChat.get(chatId) ?? []).map((client) =>
      client
        .waitFor(
          (events) => events.some((e) => e.event === "message.created" && e.data.message.content === content),
          10_000,
        )
        .then(() => latencies.push(performance.now() - startedAt)),
    );
    const sent = await call("POST", `/api/v1/company/chats/${chatId}/messages`, {
      token: rep.token,
      body: { content },
    });
    if (sent.status !== 201) throw new Error(`send failed: ${sent.status} ${sent.text}`);
    await Promise.all(arrived);
  }
  return latencies;
}

const report = (label: string, values: number[]) =>
  console.log(
    `${label.padEnd(44)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   (${values.length} deliveries)`,
  );

async function main() {
  if (buildIsStale()) execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  const database = await createPostgresDatabase(serverUrl, "bench");
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: "bench-secret-that-is-long-enough-for-hs256",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: "false",
    // A thousand sign-ins from one address within seconds: not what the limits are for.
    RATE_LIMIT_API: "0",
    RATE_LIMIT_AUTH: "0",
    RATE_LIMIT_SIGNIN_LOCK_AFTER: "0",
    RATE_LIMIT_SIGNIN_IP_FAILURES: "0",
  };
  const [a, b] = [await startServer(env), await startServer(env)];
  try {
    const { rep, buyers } = await setUp(a.baseUrl, 1000 / STREAMS_PER_USER);
    const idle = rssMiB(a);
    for (const count of [100, 1000]) {
      const { byChat, all } = await openStreams(a.baseUrl, buyers, count);
      const withStreams = rssMiB(a);
      report(`one instance, ${count} streams`, await measure(a.baseUrl, rep, byChat));
      if (count === 1000) {
        console.log(
          `server memory: ${idle.toFixed(0)} MiB idle, ${withStreams.toFixed(0)} MiB with 1,000 streams`,
        );
        console.log(`  → about ${(withStreams - idle).toFixed(1)} MiB per 1,000 streams`);
      }
      await Promise.all(all.map((client) => client.close()));
    }
    const { byChat, all } = await openStreams(b.baseUrl, buyers, 100);
    report("across instances (send A, stream B), 100", await measure(a.baseUrl, rep, byChat));
    await Promise.all(all.map((client) => client.close()));
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await database.drop();
  }
}

await main();
process.exit(0);
