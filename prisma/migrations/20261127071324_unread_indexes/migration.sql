-- CreateIndex
CREATE INDEX "chats_buyer_id_buyer_unread_count_idx" ON "chats"("buyer_id", "buyer_unread_count");

-- CreateIndex
CREATE INDEX "chats_company_id_company_unread_count_idx" ON "chats"("company_id", "company_unread_count");
