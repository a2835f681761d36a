import { HealthSchema } from "@/lib/api/v1-schemas";
import { db } from "@/lib/db/client";
import { jsonResponse, v1Route } from "@/lib/http/route";

/** 200 when the database answers, 503 when it does not (for load balancers and uptime checks). */
export const GET = v1Route(async () => {
  const up = await db().$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  return jsonResponse(
    HealthSchema,
    { status: up ? "ok" : "unavailable", database: up ? "up" : "down" },
    { status: up ? 200 : 503 },
  );
});
