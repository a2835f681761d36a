// Counters in PostgreSQL, shared by every instance on one database: one upsert per hit. Windows
// are aligned on the database's clock, so instances with drifting clocks still share them.
import "server-only";
import { db } from "../../db/client";
import { uncounted } from "../../db/query-count";
import type { Hit } from "./verdict";

type Row = { count: number; reset_seconds: number };

export class PostgresRateLimitStore {
  hit(key: string, windowSeconds: number): Promise<Hit> {
    return uncounted(() => this.count(key, windowSeconds));
  }

  private async count(key: string, windowSeconds: number): Promise<Hit> {
    const [row] = await db().$queryRaw<Row[]>`
      WITH now AS (SELECT extract(epoch FROM clock_timestamp()) AS epoch)
      INSERT INTO rate_limit_buckets AS bucket (key, window_start, count)
      SELECT ${key}, to_timestamp(floor(epoch / ${windowSeconds}::int) * ${windowSeconds}::int), 1 FROM now
      ON CONFLICT (key, window_start) DO UPDATE SET count = bucket.count + 1
      RETURNING bucket.count,
        ceil(extract(epoch FROM bucket.window_start) + ${windowSeconds}::int
             - (SELECT epoch FROM now))::int AS reset_seconds`;
    // Past windows are deleted in small batches now and then: no cron, and no hit pays much.
    if (Math.random() < 0.01) await purgeOldWindows();
    return { count: Number(row?.count ?? 1), resetSeconds: Number(row?.reset_seconds ?? windowSeconds) };
  }
}

async function purgeOldWindows(): Promise<void> {
  await db().$executeRaw`
    DELETE FROM rate_limit_buckets WHERE (key, window_start) IN (
      SELECT key, window_start FROM rate_limit_buckets
      WHERE window_start < now() - interval '1 day' LIMIT 1000)`;
}
