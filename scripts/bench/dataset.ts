// A marketplace-shaped data set, generated inside the database (INSERT … SELECT over
// generate_series): no row crosses the wire, so two million messages take seconds, not hours.
//
// Shape at scale 1 (the full set): 1,000 companies, 100,000 buyers, ~200,000 chats and ~2,000,000
// messages, skewed the way a marketplace is:
//   - buyer 1 ("the collector") has a chat with every company (1,000 chats);
//   - company 1 ("the busy company") has 50,000 chats;
//   - every other buyer has one chat, every second buyer two, with companies picked by a cubic
//     skew (a few popular companies, a long tail);
//   - five chats of the busy company are very long (50,000 messages each); the rest hold 1–25
//     messages, most of them short.
// Smaller scales shrink every count (at least a few of each), keeping the shape.
import { hashPassword } from "../../lib/auth/password";

/** Runs one SQL statement (pg client or PGlite). */
export type RunSql = (sql: string) => Promise<unknown>;

export const BENCH_PASSWORD = "bench-password";
export const BENCH_EMAIL_DOMAIN = "bench.example";

export type DatasetShape = {
  companies: number;
  buyers: number;
  collectorChats: number;
  busyCompanyChats: number;
  longChats: number;
  longChatMessages: number;
};

/** Every company's listings in the data set; chats' first messages are about one of them. */
export const LISTINGS_PER_COMPANY = 10;

export function shapeAt(scale: number): DatasetShape {
  const scaled = (full: number, least: number) => Math.max(least, Math.round(full * scale));
  const companies = scaled(1_000, 10);
  return {
    companies,
    buyers: scaled(100_000, 100),
    collectorChats: companies,
    busyCompanyChats: scaled(50_000, 50),
    longChats: 5,
    longChatMessages: scaled(50_000, 500),
  };
}

/** Who is who in a generated set: ids are fixed, so the benchmark knows whom to sign in as. */
export function roles(shape: DatasetShape) {
  return {
    collectorBuyerId: 1,
    /** A buyer with the usual one or two chats. */
    typicalBuyerId: 3,
    busyCompanyId: 1,
    /** The representative of company c is user buyers + c. */
    representativeOf: (companyId: number) => shape.buyers + companyId,
    adminId: shape.buyers + shape.companies + 1,
    emailOf: (userId: number) => `user${userId}@${BENCH_EMAIL_DOMAIN}`,
  };
}

/**
 * Fills an empty, migrated database. `vacuum` (outside a transaction only) leaves the tables as
 * autovacuum would in production: visibility maps set, so index-only scans skip the heap.
 */
export async function generateDataset(run: RunSql, shape: DatasetShape, { vacuum = false } = {}) {
  const { companies: C, buyers: B } = shape;
  const who = roles(shape);
  // One real hash for everyone: scrypt costs ~100 ms, a hundred thousand of them would be hours.
  const hash = (await hashPassword(BENCH_PASSWORD)).replaceAll("'", "''");
  const email = (id: string) => `'user' || ${id} || '@${BENCH_EMAIL_DOMAIN}'`;

  await run(`SELECT setseed(0.42)`);
  await run(`
    INSERT INTO companies (id, name, description, created_at, updated_at)
    SELECT c, 'Company ' || c, 'Homes and flats, listing group ' || (c % 97), now() - interval '2 years', now()
    FROM generate_series(1, ${C}) AS c`);
  await run(`
    INSERT INTO users (id, email, name, password_hash, is_admin, company_id, created_at)
    SELECT u, ${email("u")},
           CASE WHEN u <= ${B} THEN 'Buyer ' || u ELSE 'Representative ' || (u - ${B}) END,
           '${hash}', u = ${who.adminId}, CASE WHEN u > ${B} AND u <= ${B + C} THEN u - ${B} END,
           now() - interval '1 year'
    FROM generate_series(1, ${who.adminId}) AS u`);

  // Listings: LISTINGS_PER_COMPANY per company, ids (c - 1) * LISTINGS_PER_COMPANY + 1 …
  await run(`
    INSERT INTO listings (id, company_id, external_id, title, address, price_amount, price_currency, status,
                          attributes, created_at, updated_at)
    SELECT (c - 1) * ${LISTINGS_PER_COMPANY} + n, c, 'L-' || c || '-' || n, 'Flat ' || n || ' of company ' || c,
           n || ' Elm Street', 150000 + 1000 * n, 'EUR',
           CASE WHEN n % 10 = 0 THEN 'sold'::listing_status ELSE 'active'::listing_status END,
           jsonb_build_object('bedrooms', 1 + n % 4), now() - interval '1 year', now()
    FROM generate_series(1, ${C}) AS c, generate_series(1, ${LISTINGS_PER_COMPANY}) AS n`);

  // Chats: (buyer, company) pairs, unique by construction.
  await run(`CREATE TEMP TABLE chat_plan (buyer_id int, company_id int)`);
  await run(`INSERT INTO chat_plan SELECT ${who.collectorBuyerId}, c FROM generate_series(1, ${C}) AS c`);
  await run(`
    INSERT INTO chat_plan SELECT b, ${who.busyCompanyId}
    FROM generate_series(2, ${1 + shape.busyCompanyChats}) AS b`);
  await run(`
    CREATE TEMP TABLE first_pick AS
    SELECT b AS buyer_id, 2 + floor(${C - 1} * power(random(), 3))::int AS company_id
    FROM generate_series(2, ${B}) AS b`);
  await run(`INSERT INTO chat_plan SELECT buyer_id, company_id FROM first_pick`);
  // A second, different company (an offset of 1..C-2 within companies 2..C) for every second buyer.
  await run(`
    INSERT INTO chat_plan
    SELECT buyer_id, 2 + ((company_id - 2 + 1 + floor(${C - 2} * random())::int) % ${C - 1})
    FROM first_pick WHERE buyer_id % 2 = 0`);
  await run(`
    INSERT INTO chats (id, buyer_id, company_id, created_at, updated_at, is_active)
    SELECT row_number() OVER (), buyer_id, company_id,
           now() - interval '400 days' + random() * interval '300 days', now(), random() > 0.1
    FROM chat_plan ON CONFLICT (buyer_id, company_id) DO NOTHING`);

  // Messages: how many per chat, then one row each, alternating buyer and company, inserted in
  // time order so ids interleave across chats as real traffic does.
  await run(`
    CREATE TEMP TABLE chat_size AS
    SELECT id AS chat_id,
           CASE WHEN company_id = ${who.busyCompanyId} AND id IN (
                  SELECT id FROM chats WHERE company_id = ${who.busyCompanyId} ORDER BY id LIMIT ${shape.longChats})
                THEN ${shape.longChatMessages}
                ELSE 1 + floor(25 * power(random(), 2))::int END AS messages
    FROM chats`);
  await run(`
    INSERT INTO messages (chat_id, sender_type, sender_id, content, created_at, read_at, listing_id)
    SELECT chat.id,
           CASE WHEN n % 2 = 1 THEN 'user'::sender_type ELSE 'company'::sender_type END,
           CASE WHEN n % 2 = 1 THEN chat.buyer_id ELSE ${B} + chat.company_id END,
           'Message ' || n || ' about the flat on listing ' || chat.id || repeat(' with a view', (n % 7)),
           chat.created_at + n * interval '37 seconds',
           -- The last two messages of a chat are unread half of the time.
           CASE WHEN n > size.messages - 2 AND random() < 0.5 THEN NULL
                ELSE chat.created_at + n * interval '37 seconds' + interval '1 minute' END,
           -- A chat's opening question is about one of its company's listings.
           CASE WHEN n = 1 THEN (chat.company_id - 1) * ${LISTINGS_PER_COMPANY} + 1 + chat.id % ${LISTINGS_PER_COMPANY} END
    FROM chats AS chat
    JOIN chat_size AS size ON size.chat_id = chat.id
    CROSS JOIN LATERAL generate_series(1, size.messages) AS n
    ORDER BY chat.created_at + n * interval '37 seconds'`);

  // What the write path keeps up to date: last message, activity time, unread counters.
  await run(`
    UPDATE chats SET last_message_id = agg.last_id, updated_at = agg.last_at,
           buyer_unread_count = agg.buyer_unread, company_unread_count = agg.company_unread
    FROM (
      SELECT chat_id, max(id) AS last_id, max(created_at) AS last_at,
             count(*) FILTER (WHERE sender_type = 'company' AND read_at IS NULL) AS buyer_unread,
             count(*) FILTER (WHERE sender_type = 'user' AND read_at IS NULL) AS company_unread
      FROM messages GROUP BY chat_id
    ) AS agg WHERE chats.id = agg.chat_id`);

  for (const table of ["companies", "users", "listings", "chats", "messages"]) {
    await run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await run(`DROP TABLE chat_plan, first_pick, chat_size`);
  await run(vacuum ? `VACUUM ANALYZE` : `ANALYZE`);
}
