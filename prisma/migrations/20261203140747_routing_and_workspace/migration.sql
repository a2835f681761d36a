-- CreateEnum
CREATE TYPE "availability" AS ENUM ('available', 'away');

-- CreateEnum
CREATE TYPE "routing_policy" AS ENUM ('manual', 'round_robin', 'least_busy');

-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "assigned_at" TIMESTAMPTZ(6),
ADD COLUMN     "assignee_id" INTEGER,
ADD COLUMN     "away_message_sent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "availability" "availability" NOT NULL DEFAULT 'available';

-- CreateTable
CREATE TABLE "company_settings" (
    "company_id" INTEGER NOT NULL,
    "routing" "routing_policy" NOT NULL DEFAULT 'manual',
    "max_open_per_rep" INTEGER,
    "reassign_after_minutes" INTEGER,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "business_hours" JSONB,
    "away_message" TEXT,
    "last_assignee_id" INTEGER,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_settings_pkey" PRIMARY KEY ("company_id")
);

-- CreateTable
CREATE TABLE "notes" (
    "id" SERIAL NOT NULL,
    "chat_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_replies" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "shortcut" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notes_chat_id_id_idx" ON "notes"("chat_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "saved_replies_company_id_shortcut_key" ON "saved_replies"("company_id", "shortcut");

-- CreateIndex
CREATE INDEX "chats_company_id_assignee_id_updated_at_id_idx" ON "chats"("company_id", "assignee_id", "updated_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "chats_assignee_id_is_active_idx" ON "chats"("assignee_id", "is_active");

-- AddForeignKey
ALTER TABLE "chats" ADD CONSTRAINT "chats_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_replies" ADD CONSTRAINT "saved_replies_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
