-- CreateEnum
CREATE TYPE "listing_status" AS ENUM ('active', 'under_offer', 'sold', 'withdrawn');

-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "contact_name" TEXT;

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "company_only" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "listing_id" INTEGER,
ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "listings" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "image_url" TEXT,
    "price_amount" DECIMAL(14,2),
    "price_currency" CHAR(3),
    "status" "listing_status" NOT NULL DEFAULT 'active',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "listings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leads" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "chat_id" INTEGER NOT NULL,
    "message_id" INTEGER NOT NULL,
    "listing_id" INTEGER,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "listings_company_id_id_idx" ON "listings"("company_id", "id" DESC);

-- CreateIndex
CREATE INDEX "listings_company_id_status_id_idx" ON "listings"("company_id", "status", "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "listings_company_id_external_id_key" ON "listings"("company_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "leads_message_id_key" ON "leads"("message_id");

-- CreateIndex
CREATE INDEX "leads_company_id_id_idx" ON "leads"("company_id", "id" DESC);

-- CreateIndex
CREATE INDEX "leads_chat_id_idx" ON "leads"("chat_id");

-- CreateIndex
CREATE INDEX "messages_chat_id_listing_id_id_idx" ON "messages"("chat_id", "listing_id", "id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listings" ADD CONSTRAINT "listings_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE SET NULL ON UPDATE CASCADE;
