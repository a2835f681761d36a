// `npm run load`: sustained load through the API and the event stream, then a check that
// nothing acknowledged was lost or duplicated. Not a test with assertions on speed: it prints
// figures, and fails (exit 1) only on a 5xx, a lost or a duplicated message.
//   npm run load                                   200 users for 5 minutes on PostgreSQL
//   npm run load -- --duration 30 --users 60       shorter and lighter (the CI version)
//   npm run load -- --database pglite              on the embedded database
//   npm run load -- --base-url http://host:3000    against a server already running (its admin
//                                                  from LOAD_ADMIN_EMAIL / LOAD_ADMIN_PASSWORD)
// See docs/LOAD.md for what is checked and a run's figures.
import { parseArgs } from "node:util";
import { Api } from "./api";
import { Metrics } from "./metrics";
import { LOAD_ADMIN, serverReachable, startTarget, type Target } from "./server";
import { ResumingStream } from "./stream";
import { printSummary } from "./summary";
import { simulate, type UserRun } from "./user";
import { checkDatabase, checkStreams, drain } from "./verify";
import { buildWorld, shape } from "./world";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "300" },
    users: { type: "string", default: "200" },
    database: { type: "string" },
    "base-url": { type: "string" },
  },
});
const duration = Number(values.duration);
const users = Number(values.users);
if (!(duration > 0) || !(users >= 2)) throw new Error("--duration must be > 0 and --users at least 2");
if (values.database && !["postgres", "pglite"].includes(values.database))
  throw new Error("--database is postgres or pglite");

/** How long the streams get to catch up after the last send before anything counts as lost. */
const DRAIN_MS = 15_000;

async function target(): Promise<Target> {
  const baseUrl = values["base-url"];
  if (baseUrl) {
    const admin = {
      email: process.env.LOAD_ADMIN_EMAIL ?? LOAD_ADMIN.email,
      password: process.env.LOAD_ADMIN_PASSWORD ?? LOAD_ADMIN.password,
    };
    return { baseUrl, database: "the running server's", admin, stop: async () => {} };
  }
  const database = (values.database ?? ((await serverReachable()) ? "postgres" : "pglite")) as
    | "postgres"
    | "pglite";
  return startTarget(database);
}

async function main(): Promise<boolean> {
  const server = await target();
  try {
    const metrics = new Metrics();
    const api = new Api(server.baseUrl, metrics);
    const split = shape(users);
    console.log(
      `load: ${split.buyers} buyers and ${split.reps} representatives in ${split.companies} companies, ` +
        `${duration} s, on ${server.database} at ${server.baseUrl}`,
    );
    const setupStart = Date.now();
    const world = await buildWorld(api, server.admin, users);
    const people = [...world.buyers, ...world.reps];
    const streams = new Map(
      people.map((person) => [person.id, new ResumingStream(server.baseUrl, person.token, metrics)]),
    );
    // A stream the server never accepts (refused again and again) must not hang the run.
    const notReady = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error("not every event stream was ready within 2 minutes")),
        120_000,
      ).unref(),
    );
    await Promise.race([Promise.all([...streams.values()].map((stream) => stream.start())), notReady]);
    console.log(
      `load: set up in ${((Date.now() - setupStart) / 1000).toFixed(1)} s; ${streams.size} streams open`,
    );

    const run: UserRun = { acknowledged: [], unacknowledged: 0 };
    const loadStart = Date.now();
    const until = loadStart + duration * 1000;
    const progress = setInterval(() => {
      const seconds = Math.round((Date.now() - loadStart) / 1000);
      console.log(`load: ${seconds} s, ${run.acknowledged.length} messages acknowledged`);
    }, 30_000);
    await Promise.all(people.map((person) => simulate(api, world, person, until, run)));
    clearInterval(progress);
    const loadSeconds = (Date.now() - loadStart) / 1000;

    const drained = await drain(world, streams, run.acknowledged, DRAIN_MS);
    await Promise.all([...streams.values()].map((stream) => stream.stop()));
    const onStreams = checkStreams(world, streams, run.acknowledged);
    const inDatabase = await checkDatabase(api, world, run.acknowledged);
    return printSummary({
      metrics,
      loadSeconds,
      run,
      streams: [...streams.values()],
      onStreams,
      inDatabase,
      drained,
    });
  } finally {
    await server.stop();
  }
}

const ok = await main();
process.exit(ok ? 0 : 1);
