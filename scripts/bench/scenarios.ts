// What the HTTP benchmark asks of the server, as real clients would: each scenario is a set of
// requests made with the bearer tokens of many different people, and the same work done through
// lib/ (to capture the SQL the database ceiling replays).
import type { Actor } from "../../lib/auth/actor";

export type BenchRequest = {
  method: "GET" | "POST";
  path: string;
  token: string;
  body?: unknown;
  /** Each sending of the request made different (the n-th): a lead's Idempotency-Key. */
  vary?: (n: number) => { headers?: Record<string, string>; body?: unknown };
};

/** A person the benchmark acts as: their token, actor, and the chats it uses. */
export type Person = { userId: number; token: string; actor: Actor; chatId?: number };

export type Cast = {
  buyers: Person[];
  collector: Person;
  busyRep: Person;
  busyCompanyId: number;
  /** A listing of the busy company, and a company key of it that may post leads. */
  busyListingId: number;
  leadKey: string;
  longChatId: number;
  /** A message id halfway through the long chat: pages "before" it are deep history. */
  longChatMiddleId: number;
};

export type Scenario = {
  name: string;
  kind: "read" | "write";
  /** A p99 goal for one client alone (no queueing behind others), measured at one connection. */
  aloneP99GoalMs?: number;
  requests(cast: Cast): BenchRequest[];
  /** The lib calls behind one request (after authentication), for the database ceiling. */
  libWork(cast: Cast): { person: Person; run: () => Promise<unknown> };
};

const forEachBuyer = (cast: Cast, make: (buyer: Person) => BenchRequest) => cast.buyers.map(make);

/** Loaded lazily: lib/ reads the environment the benchmark sets up first. */
export async function scenarios(): Promise<Scenario[]> {
  const { listChats, listChatsByPage } = await import("../../lib/chats/list-chats");
  const { countUnread, listBuyerUnreadByChat } = await import("../../lib/chats/unread");
  const { listMessages } = await import("../../lib/messages/list-messages");
  const { sendMessage } = await import("../../lib/messages/send-message");
  const { createLead } = await import("../../lib/leads/create-lead");
  let sent = 0;
  let leads = 0;

  /** A buyer's send in their chat with the busy company; variants add a key or a listing. */
  const sendScenario = (name: string, variant: { keyed?: boolean; withListing?: boolean }): Scenario => ({
    name,
    kind: "write",
    requests: (cast) =>
      forEachBuyer(cast, (buyer) => ({
        method: "POST",
        path: `/api/v1/chats/${buyer.chatId}/messages`,
        token: buyer.token,
        body: {
          content: "Is the flat still available? Could we visit on Saturday?",
          ...(variant.withListing ? { listing_id: cast.busyListingId } : {}),
        },
        ...(variant.keyed
          ? { vary: (n: number) => ({ headers: { "idempotency-key": `bench-send-${buyer.userId}-${n}` } }) }
          : {}),
      })),
    libWork: (cast) => {
      const buyer = cast.buyers[0] as Person;
      return {
        person: buyer,
        run: () =>
          sendMessage(buyer.actor, "buyer", buyer.chatId as number, {
            content: `ceiling ${sent++}`,
            ...(variant.keyed ? { clientMessageId: `ceiling-key-${sent}` } : {}),
            ...(variant.withListing ? { listingId: cast.busyListingId } : {}),
          }),
      };
    },
  });

  return [
    sendScenario("send a message", {}),
    // What exactly-once costs: the same send with an Idempotency-Key (a new key each time).
    sendScenario("send a message, Idempotency-Key", { keyed: true }),
    sendScenario("send a message with a listing", { withListing: true }),
    {
      // A portal posting for buyers who already have a chat with the company (the busy one).
      name: "lead, existing buyer",
      kind: "write",
      requests: (cast) =>
        forEachBuyer(cast, (buyer) => ({
          method: "POST",
          path: "/api/v1/company/leads",
          token: cast.leadKey,
          body: leadBody(buyer),
          vary: (n) => ({ headers: { "idempotency-key": `bench-lead-${buyer.userId}-${n}` } }),
        })),
      libWork: (cast) => {
        const buyer = cast.buyers[0] as Person;
        return {
          person: cast.busyRep,
          run: () =>
            createLead(cast.busyRep.actor, {
              companyId: cast.busyCompanyId,
              lead: { ...leadBody(buyer), phone: undefined, listing_external_id: undefined },
              idempotencyKey: `ceiling-${leads++}`,
            }),
        };
      },
    },
    {
      name: "inbox, first page",
      kind: "read",
      requests: (cast) =>
        forEachBuyer(cast, (buyer) => ({
          method: "GET",
          path: "/api/v1/chats?limit=20",
          token: buyer.token,
        })),
      libWork: (cast) => {
        const buyer = cast.buyers[0] as Person;
        return { person: buyer, run: () => listChats(buyer.actor, "buyer", { limit: 20 }) };
      },
    },
    {
      name: "inbox, buyer with a chat at every company",
      kind: "read",
      requests: (cast) => [{ method: "GET", path: "/api/v1/chats?limit=20", token: cast.collector.token }],
      libWork: (cast) => ({
        person: cast.collector,
        run: () => listChats(cast.collector.actor, "buyer", { limit: 20 }),
      }),
    },
    {
      name: "message page deep in a long chat",
      kind: "read",
      requests: (cast) => [
        {
          method: "GET",
          path: `/api/v1/company/chats/${cast.longChatId}/messages?limit=50&before=${cast.longChatMiddleId}`,
          token: cast.busyRep.token,
        },
      ],
      libWork: (cast) => ({
        person: cast.busyRep,
        run: () =>
          listMessages(cast.busyRep.actor, "company", cast.longChatId, {
            limit: 50,
            before: cast.longChatMiddleId,
          }),
      }),
    },
    {
      name: "unread count, buyers",
      kind: "read",
      requests: (cast) =>
        forEachBuyer(cast, (buyer) => ({ method: "GET", path: "/api/v1/unread-count", token: buyer.token })),
      libWork: (cast) => {
        const buyer = cast.buyers[0] as Person;
        return {
          person: buyer,
          run: () => Promise.all([countUnread(buyer.actor, "buyer"), countUnread(buyer.actor, "company")]),
        };
      },
    },
    {
      name: "unread count, buyer with a chat at every company",
      kind: "read",
      aloneP99GoalMs: 20,
      requests: (cast) => [{ method: "GET", path: "/api/v1/unread-count", token: cast.collector.token }],
      libWork: (cast) => ({
        person: cast.collector,
        run: () =>
          Promise.all([
            countUnread(cast.collector.actor, "buyer"),
            countUnread(cast.collector.actor, "company"),
          ]),
      }),
    },
    {
      name: "unread count, busiest company's representative",
      kind: "read",
      aloneP99GoalMs: 20,
      requests: (cast) => [{ method: "GET", path: "/api/v1/unread-count", token: cast.busyRep.token }],
      libWork: (cast) => ({
        person: cast.busyRep,
        run: () =>
          Promise.all([countUnread(cast.busyRep.actor, "buyer"), countUnread(cast.busyRep.actor, "company")]),
      }),
    },
    {
      name: "console, busy company, open + unread",
      kind: "read",
      requests: (cast) => [
        {
          method: "GET",
          path: `/api/v1/company/chats?company_id=${cast.busyCompanyId}&is_active=true&unread=true&limit=20`,
          token: cast.busyRep.token,
        },
      ],
      libWork: (cast) => ({
        person: cast.busyRep,
        run: () =>
          listChats(cast.busyRep.actor, "company", {
            limit: 20,
            companyId: cast.busyCompanyId,
            isActive: true,
            unread: true,
          }),
      }),
    },
    {
      name: "guide: GET /chats/",
      kind: "read",
      requests: (cast) =>
        forEachBuyer(cast, (buyer) => ({ method: "GET", path: "/chats/", token: buyer.token })),
      libWork: (cast) => {
        const buyer = cast.buyers[0] as Person;
        return { person: buyer, run: () => listChatsByPage(buyer.actor, "buyer", { page: 1, pageSize: 10 }) };
      },
    },
    {
      name: "guide: GET /company-chats/",
      kind: "read",
      requests: (cast) => [{ method: "GET", path: "/company-chats/", token: cast.busyRep.token }],
      libWork: (cast) => ({
        person: cast.busyRep,
        run: () => listChatsByPage(cast.busyRep.actor, "company", { page: 1, pageSize: 10 }),
      }),
    },
    {
      name: "guide: GET /chats/unread_count/",
      kind: "read",
      requests: (cast) =>
        forEachBuyer(cast, (buyer) => ({ method: "GET", path: "/chats/unread_count/", token: buyer.token })),
      libWork: (cast) => {
        const buyer = cast.buyers[0] as Person;
        return { person: buyer, run: () => listBuyerUnreadByChat(buyer.actor) };
      },
    },
  ];
}

function leadBody(buyer: Person) {
  return {
    email: buyer.actor.email,
    name: buyer.actor.name,
    message: "Seen on the portal: can I visit?",
    source: "Zillow",
  };
}
