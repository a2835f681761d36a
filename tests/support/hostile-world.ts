// The tenant world the hostile-input test attacks, and a fingerprint of everything in it that a
// request could change: the test compares fingerprints around every refused request.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { SCOPES } from "../../lib/auth/scopes";
import type { TokenKit } from "./hostile-values";
import { ADMIN, call, makeWorld, PASSWORD, tokenFor, type World } from "./http";
import { putListing } from "./listing-fixtures";
import { serverSecret } from "./server-secret";

/** Who may be calling: names, so a token renewed after a successful sign-out stays reachable. */
export const PEOPLE = ["buyer", "otherBuyer", "directRep", "groupRep", "otherRep", "admin"] as const;
export type Person = (typeof PEOPLE)[number];

export type HostileWorld = {
  world: World;
  /** In every name and email the test generates, so the admin search finds what it created. */
  tag: string;
  chatId: number;
  otherChatId: number;
  webhookId: number;
  companyKeyId: number;
  /** A listing of company A: its id and its external id. */
  listingId: number;
  externalId: string;
  tokens: Record<Person, string>;
  emails: Record<Person, string>;
  /** A separate admin session that hostile requests never see: the fingerprint reads with it. */
  reader: string;
  kit: TokenKit;
};

const ok = async (what: string, answer: Promise<{ status: number; text: string; body: any }>) => {
  const settled = await answer;
  assert.ok(settled.status < 300, `${what}: ${settled.status} ${settled.text.slice(0, 300)}`);
  return settled.body;
};

export async function makeHostileWorld(): Promise<HostileWorld> {
  const world = await makeWorld();
  const tag = `hx${randomUUID().slice(0, 6)}`;
  const chat = await ok(
    "start chat",
    call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA, content: "Hello" },
    }),
  );
  await ok(
    "reply",
    call("POST", `/api/v1/company/chats/${chat.id}/messages`, {
      token: world.directRep.token,
      body: { content: "Hi" },
    }),
  );
  const otherChat = await ok(
    "other chat",
    call("POST", "/api/v1/chats", {
      token: world.otherBuyer.token,
      body: { company_id: world.companyB, content: "Hey" },
    }),
  );
  const key = await ok(
    "company key",
    call("POST", "/api/v1/api-keys", {
      token: world.directRep.token,
      body: {
        name: `${tag} key`,
        company_id: world.companyA,
        scopes: SCOPES,
      },
    }),
  );
  const webhook = await ok(
    "webhook",
    call("POST", "/api/v1/company/webhooks", {
      token: world.directRep.token,
      // Port 9 (discard) refuses: deliveries fail and retry, which the fingerprint leaves out.
      body: { company_id: world.companyA, url: "http://127.0.0.1:9/hook", event_types: ["chat.closed"] },
    }),
  );
  const listing = await putListing(world.directRep.token, world.companyA, `${tag}-flat`);
  const emails: Record<Person, string> = {
    buyer: world.buyer.email,
    otherBuyer: world.otherBuyer.email,
    directRep: world.directRep.email,
    groupRep: world.groupRep.email,
    otherRep: world.otherRep.email,
    admin: ADMIN.email,
  };
  const tokens: Record<Person, string> = {
    buyer: world.buyer.token,
    otherBuyer: world.otherBuyer.token,
    directRep: world.directRep.token,
    groupRep: world.groupRep.token,
    otherRep: world.otherRep.token,
    // Its own session, so a hostile sign-out cannot end the session other test helpers share.
    admin: await tokenFor(ADMIN.email, ADMIN.password),
  };
  const [, payload] = tokens.buyer.split(".");
  const liveSid = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")).sid as string;
  return {
    world,
    tag,
    chatId: chat.id,
    otherChatId: otherChat.id,
    webhookId: webhook.id,
    companyKeyId: key.id,
    listingId: listing.id,
    externalId: listing.external_id,
    tokens,
    emails,
    reader: await tokenFor(ADMIN.email, ADMIN.password),
    kit: { secret: serverSecret(), liveSid, companyKey: key.secret },
  };
}

/** New tokens for every person whose session a successful request ended (sign-out). */
export async function renewEndedSessions(w: HostileWorld): Promise<void> {
  await Promise.all(
    PEOPLE.map(async (person) => {
      const me = await call("GET", "/api/v1/me", { token: w.tokens[person] });
      if (me.status === 401) {
        w.tokens[person] = await tokenFor(w.emails[person], person === "admin" ? ADMIN.password : PASSWORD);
      }
    }),
  );
}

type Json = Record<string, unknown>;
const pick = (row: Json, keys: string[]) => Object.fromEntries(keys.map((key) => [key, row[key]]));

/** Parts of the world, so a route's check reads the parts it could touch (each read costs a request). */
export type Area = "chats" | "directory" | "sessions" | "keys" | "webhooks" | "listings" | "workspace";

/** Which parts of the world a route could change; when unsure, all of them. */
export function areasOf(route: string): Area[] {
  if (/^\/api\/v1\/admin\//.test(route)) return ["directory", "sessions"];
  if (/^\/api\/v1\/api-keys/.test(route)) return ["keys"];
  if (/^\/api\/v1\/company\/webhooks/.test(route)) return ["webhooks"];
  if (/^\/api\/v1\/company\/(settings|saved-replies)/.test(route)) return ["workspace"];
  if (/^\/api\/v1\/company\/chats\/[^/]+\/notes/.test(route)) return ["chats", "workspace"];
  if (/^\/api\/v1\/(company\/)?listings/.test(route)) return ["listings"];
  // A lead makes a contact, a chat and its message, and reads the listing it names.
  if (/^\/api\/v1\/company\/leads/.test(route)) return ["chats", "directory", "listings"];
  if (/^\/(api\/v1\/)?(auth|me)\b|^\/api\/auth\//.test(route)) return ["sessions", "directory"];
  if (/^\/(api\/v1\/)?(company\/)?chats\b|^\/company-chats\b|^\/chat\//.test(route)) return ["chats"];
  return ["chats", "directory", "sessions", "keys", "webhooks", "listings", "workspace"];
}

/**
 * The chosen parts of the world, read through the API with the reader's admin session (and each
 * person's own token for their sessions and personal keys). Fields that move on their own
 * (webhook attempts, last_used_at) are left out.
 */
export async function fingerprint(w: HostileWorld, areas: Area[]): Promise<unknown> {
  const { world, reader } = w;
  const get = async (path: string, token = reader) => {
    const answer = await call("GET", path, { token });
    // An error's request_id differs on every call; its status is what matters.
    return answer.status === 200 ? { status: 200, body: answer.body } : { status: answer.status };
  };
  const data = async (path: string, token = reader) => {
    const answer = await get(path, token);
    return answer.status === 200 ? (answer.body.data as Json[]) : answer;
  };
  const rows = (value: unknown, keys: string[]) =>
    Array.isArray(value) ? value.map((row) => pick(row as Json, keys)) : value;
  const KEY_FIELDS = ["id", "name", "scopes", "expires_at", "revoked_at"];
  const readers: Record<Area, () => Promise<unknown>> = {
    chats: () =>
      Promise.all([
        data(`/api/v1/company/chats?company_id=${world.companyA}&limit=100`),
        data(`/api/v1/company/chats?company_id=${world.companyB}&limit=100`),
        data("/api/v1/chats?limit=100", w.tokens.buyer),
        ...[w.chatId, w.otherChatId].map((id) => data(`/api/v1/company/chats/${id}/messages?limit=100`)),
      ]),
    directory: () =>
      Promise.all([
        ...[world.companyA, world.companyB].map((id) =>
          data(`/api/v1/admin/companies?limit=1${id > 1 ? `&after_id=${id - 1}` : ""}`),
        ),
        // The directory searches names (the admin list has no search).
        data(`/api/v1/companies?q=${w.tag}&limit=100`),
        data(`/api/v1/admin/users?q=${w.tag}&limit=100`),
      ]),
    sessions: () => Promise.all(PEOPLE.map((person) => get("/api/v1/me", w.tokens[person]))),
    keys: async () =>
      Promise.all([
        rows(await data(`/api/v1/api-keys?company_id=${world.companyA}&limit=100`), KEY_FIELDS),
        ...(["buyer", "directRep"] as const).map(async (person) =>
          rows(await data("/api/v1/api-keys?limit=100", w.tokens[person]), KEY_FIELDS),
        ),
      ]),
    listings: () =>
      Promise.all(
        [world.companyA, world.companyB].map((id) =>
          data(`/api/v1/company/listings?company_id=${id}&limit=100`),
        ),
      ),
    // Routing settings, saved replies and notes: what the company side's workspace keeps.
    workspace: () =>
      Promise.all([
        ...[world.companyA, world.companyB].flatMap((id) => [
          get(`/api/v1/company/settings?company_id=${id}`),
          data(`/api/v1/company/saved-replies?company_id=${id}`),
        ]),
        ...[w.chatId, w.otherChatId].map((id) => data(`/api/v1/company/chats/${id}/notes`)),
      ]),
    webhooks: async () => [
      rows(await data(`/api/v1/company/webhooks?company_id=${world.companyA}&limit=100`), [
        "id",
        "url",
        "description",
        "event_types",
        "enabled",
        "secret_hint",
      ]),
      rows(await data(`/api/v1/company/webhooks/${w.webhookId}/deliveries?limit=100`), ["id"]),
    ],
  };
  const parts = await Promise.all(areas.map(async (area) => [area, JSON.stringify(await readers[area]())]));
  return Object.fromEntries(parts);
}
