/*
  Warnings:

  - You are about to drop the `rate_limit_buckets` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropTable
DROP TABLE "rate_limit_buckets";

-- CreateTable: rate-limiter-flexible's RateLimiterPostgres table, made here rather than by the
-- library at start-up (lib/http/rate-limit/limiters.ts passes tableCreated: true), so instances
-- starting together never race to create it.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");
