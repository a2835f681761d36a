-- CreateTable
CREATE TABLE "company_chat_stats" (
    "company_id" INTEGER NOT NULL,
    "open_chats" INTEGER NOT NULL DEFAULT 0,
    "closed_chats" INTEGER NOT NULL DEFAULT 0,
    "open_unread_chats" INTEGER NOT NULL DEFAULT 0,
    "closed_unread_chats" INTEGER NOT NULL DEFAULT 0,
    "unread_messages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "company_chat_stats_pkey" PRIMARY KEY ("company_id")
);

-- AddForeignKey
ALTER TABLE "company_chat_stats" ADD CONSTRAINT "company_chat_stats_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The counters are kept by the database, not by each write path: statement-level triggers on
-- `chats` add what a statement's new rows contribute and take away what its old rows did, in
-- the same statement and transaction, so every insert, close, reopen, send, mark-read and
-- delete (cascades from a deleted buyer or company included) keeps them exact, and a write
-- path added later cannot forget them. One aggregated write per statement, not one per row,
-- and none when a statement changes nothing they count (setting last_message_id, the buyer's
-- counter): a reply or a buyer's read never takes the company's counter row.
CREATE FUNCTION company_chat_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- An UPDATE, never an insert: while a company is being deleted its row may already be
    -- gone, and there is nothing left to count.
    UPDATE company_chat_stats AS s SET
      open_chats = s.open_chats - d.open_chats,
      closed_chats = s.closed_chats - d.closed_chats,
      open_unread_chats = s.open_unread_chats - d.open_unread_chats,
      closed_unread_chats = s.closed_unread_chats - d.closed_unread_chats,
      unread_messages = s.unread_messages - d.unread_messages
    FROM (
      SELECT company_id,
             count(*) FILTER (WHERE is_active) AS open_chats,
             count(*) FILTER (WHERE NOT is_active) AS closed_chats,
             count(*) FILTER (WHERE is_active AND company_unread_count > 0) AS open_unread_chats,
             count(*) FILTER (WHERE NOT is_active AND company_unread_count > 0) AS closed_unread_chats,
             sum(company_unread_count) AS unread_messages
      FROM old_rows GROUP BY company_id
    ) AS d
    WHERE s.company_id = d.company_id;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO company_chat_stats AS s
      (company_id, open_chats, closed_chats, open_unread_chats, closed_unread_chats, unread_messages)
    SELECT company_id,
           count(*) FILTER (WHERE is_active),
           count(*) FILTER (WHERE NOT is_active),
           count(*) FILTER (WHERE is_active AND company_unread_count > 0),
           count(*) FILTER (WHERE NOT is_active AND company_unread_count > 0),
           sum(company_unread_count)
    FROM new_rows GROUP BY company_id
    -- Rows are locked in company order, so two multi-company statements cannot deadlock.
    ORDER BY company_id
    ON CONFLICT (company_id) DO UPDATE SET
      open_chats = s.open_chats + EXCLUDED.open_chats,
      closed_chats = s.closed_chats + EXCLUDED.closed_chats,
      open_unread_chats = s.open_unread_chats + EXCLUDED.open_unread_chats,
      closed_unread_chats = s.closed_unread_chats + EXCLUDED.closed_unread_chats,
      unread_messages = s.unread_messages + EXCLUDED.unread_messages;
  ELSE
    INSERT INTO company_chat_stats AS s
      (company_id, open_chats, closed_chats, open_unread_chats, closed_unread_chats, unread_messages)
    SELECT company_id,
           sum(sign * is_active::int),
           sum(sign * (NOT is_active)::int),
           sum(sign * (is_active AND company_unread_count > 0)::int),
           sum(sign * (NOT is_active AND company_unread_count > 0)::int),
           sum(sign * company_unread_count)
    FROM (
      SELECT company_id, is_active, company_unread_count, 1 AS sign FROM new_rows
      UNION ALL
      SELECT company_id, is_active, company_unread_count, -1 AS sign FROM old_rows
    ) AS changed
    GROUP BY company_id
    HAVING sum(sign * is_active::int) <> 0
        OR sum(sign * (NOT is_active)::int) <> 0
        OR sum(sign * (company_unread_count > 0)::int) <> 0
        OR sum(sign * company_unread_count) <> 0
    ORDER BY company_id
    ON CONFLICT (company_id) DO UPDATE SET
      open_chats = s.open_chats + EXCLUDED.open_chats,
      closed_chats = s.closed_chats + EXCLUDED.closed_chats,
      open_unread_chats = s.open_unread_chats + EXCLUDED.open_unread_chats,
      closed_unread_chats = s.closed_unread_chats + EXCLUDED.closed_unread_chats,
      unread_messages = s.unread_messages + EXCLUDED.unread_messages;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER chats_company_stats_insert AFTER INSERT ON chats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION company_chat_stats_apply();
CREATE TRIGGER chats_company_stats_update AFTER UPDATE ON chats
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_chat_stats_apply();
CREATE TRIGGER chats_company_stats_delete AFTER DELETE ON chats
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION company_chat_stats_apply();

-- Backfill after the triggers exist: CREATE TRIGGER holds a lock that keeps writers out of
-- `chats` until this migration commits, so no write falls between the count and the triggers.
INSERT INTO company_chat_stats
  (company_id, open_chats, closed_chats, open_unread_chats, closed_unread_chats, unread_messages)
SELECT company_id,
       count(*) FILTER (WHERE is_active),
       count(*) FILTER (WHERE NOT is_active),
       count(*) FILTER (WHERE is_active AND company_unread_count > 0),
       count(*) FILTER (WHERE NOT is_active AND company_unread_count > 0),
       sum(company_unread_count)
FROM chats GROUP BY company_id;
