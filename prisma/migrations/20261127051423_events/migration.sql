-- CreateTable
CREATE TABLE "events" (
    "id" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "chat_id" INTEGER NOT NULL,
    "company_id" INTEGER NOT NULL,
    "buyer_id" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_counter" (
    "id" INTEGER NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "event_counter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "events_buyer_id_id_idx" ON "events"("buyer_id", "id");

-- CreateIndex
CREATE INDEX "events_company_id_id_idx" ON "events"("company_id", "id");

-- CreateIndex
CREATE INDEX "events_created_at_idx" ON "events"("created_at");

-- The single counter row that numbers events (see the Event model).
INSERT INTO "event_counter" ("id", "value") VALUES (1, 0);
