// Whatever a client sends, the API answers with the right 4xx as problem+json, never a 500,
// and a refused request writes nothing: each case checks the chat's messages before and after.
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { before, describe, it } from "node:test";
import { type Answer, BASE_URL, type CallOptions, call, makeWorld, type World } from "../support/http";

type Ctx = World & { chatId: number };
type Case = {
  name: string;
  method: string;
  path: (c: Ctx) => string;
  /** Defaults to the buyer's token; null sends none. */
  token?: (c: Ctx) => string | null;
  options?: (c: Ctx) => Omit<CallOptions, "token">;
  /** The status, or the statuses that are each a right answer. */
  status: number | number[];
  /** A field that errors[] must name (when the answer is a 422). */
  field?: string;
};

const chatPath = (c: Ctx) => `/api/v1/chats/${c.chatId}/messages`;
const companyPath = (c: Ctx) => `/api/v1/company/chats/${c.chatId}/messages`;
const rep = (c: Ctx) => c.directRep.token;
const json = (rawBody: string) => () => ({ rawBody, headers: { "content-type": "application/json" } });
const body = (value: unknown) => () => ({ body: value });
const feedPath = "/api/v1/company/listings";
const listingPath = (externalId: string) => `${feedPath}/${externalId}`;
const leadPath = "/api/v1/company/leads";
const leadKey = () => ({ "idempotency-key": `bad-input-${randomUUID()}` });
const lead = () => ({
  email: `lead-${randomUUID()}@example.test`,
  name: "Ana",
  message: "Hi",
  source: "Form",
});

function b64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}
/** A well-formed HS256 JWT signed with a key the server does not know. */
function forgedJwt(claims: Record<string, unknown>): string {
  const head = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(claims)}`;
  return `${head}.${createHmac("sha256", "not-the-server-secret").update(head).digest("base64url")}`;
}
const now = () => Math.floor(Date.now() / 1000);

/** The buyer's real token with the payload swapped for another user's, signature kept. */
function tampered(c: Ctx): string {
  const [head, payload, signature] = c.buyer.token.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
  return `${head}.${b64url({ ...claims, user_id: c.otherBuyer.id, is_staff: true })}.${signature}`;
}

const CASES: Case[] = [
  // 400: the body is not JSON at all.
  {
    name: "truncated JSON to a buyer send",
    method: "POST",
    path: chatPath,
    options: json('{"content": "hi"'),
    status: 400,
  },
  {
    name: "truncated JSON to a company reply",
    method: "POST",
    path: companyPath,
    token: rep,
    options: json('{"content":'),
    status: 400,
  },
  {
    name: "empty body with a JSON content type",
    method: "POST",
    path: chatPath,
    options: json(""),
    status: 400,
  },
  {
    name: "single quotes are not JSON",
    method: "POST",
    path: chatPath,
    options: json("{'content': 'hi'}"),
    status: 400,
  },
  {
    name: "malformed JSON to start a chat",
    method: "POST",
    path: () => "/api/v1/chats",
    options: json("{company_id: 1}"),
    status: 400,
  },
  {
    name: "malformed JSON to close a chat",
    method: "PATCH",
    path: (c) => `/api/v1/company/chats/${c.chatId}`,
    token: rep,
    options: json("{"),
    status: 400,
  },
  {
    name: "malformed JSON to the token endpoint",
    method: "POST",
    path: () => "/api/v1/auth/token",
    token: () => null,
    options: json("{"),
    status: 400,
  },

  // 415: not sent as JSON.
  {
    name: "form-encoded send",
    method: "POST",
    path: chatPath,
    status: 415,
    options: () => ({
      rawBody: "content=hello",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
  },
  {
    name: "JSON sent as text/plain",
    method: "POST",
    path: chatPath,
    status: 415,
    options: () => ({
      rawBody: JSON.stringify({ content: "hello" }),
      headers: { "content-type": "text/plain" },
    }),
  },
  {
    name: "JSON sent as multipart",
    method: "POST",
    path: companyPath,
    token: rep,
    status: 415,
    options: () => ({
      rawBody: JSON.stringify({ content: "hello" }),
      headers: { "content-type": "multipart/form-data; boundary=x" },
    }),
  },
  {
    name: "JSON whose content type is a lookalike",
    method: "POST",
    path: chatPath,
    status: 415,
    options: () => ({
      rawBody: JSON.stringify({ content: "hello" }),
      headers: { "content-type": "application/jsonp" },
    }),
  },

  // 422: JSON, but not what the route needs.
  {
    name: "send without content",
    method: "POST",
    path: chatPath,
    options: body({}),
    status: 422,
    field: "content",
  },
  {
    name: "send with numeric content",
    method: "POST",
    path: chatPath,
    options: body({ content: 42 }),
    status: 422,
    field: "content",
  },
  {
    name: "send with null content",
    method: "POST",
    path: companyPath,
    token: rep,
    options: body({ content: null }),
    status: 422,
    field: "content",
  },
  {
    name: "send with an array body",
    method: "POST",
    path: chatPath,
    options: body([{ content: "hi" }]),
    status: 422,
  },
  { name: "send with a null body", method: "POST", path: chatPath, options: json("null"), status: 422 },
  { name: "send with a string body", method: "POST", path: chatPath, options: json('"hello"'), status: 422 },
  {
    name: "whitespace-only content",
    method: "POST",
    path: chatPath,
    options: body({ content: " \n\t  \r\n " }),
    status: 422,
    field: "content",
  },
  {
    name: "whitespace-only reply",
    method: "POST",
    path: companyPath,
    token: rep,
    options: body({ content: "   " }),
    status: 422,
    field: "content",
  },
  {
    name: "5001-character content",
    method: "POST",
    path: chatPath,
    options: body({ content: "x".repeat(5001) }),
    status: 422,
    field: "content",
  },
  {
    name: "5001-character reply",
    method: "POST",
    path: companyPath,
    token: rep,
    options: body({ content: "é".repeat(5001) }),
    status: 422,
    field: "content",
  },
  {
    name: "non-string client_message_id",
    method: "POST",
    path: chatPath,
    options: body({ content: "hi", client_message_id: 7 }),
    status: 422,
    field: "client_message_id",
  },
  {
    name: "client_message_id with spaces",
    method: "POST",
    path: chatPath,
    options: body({ content: "hi", client_message_id: "a b" }),
    status: 422,
    field: "client_message_id",
  },
  {
    name: "Idempotency-Key of 201 characters",
    method: "POST",
    path: chatPath,
    status: 422,
    options: () => ({ body: { content: "hi" }, headers: { "idempotency-key": "k".repeat(201) } }),
  },
  {
    name: "Idempotency-Key and client_message_id that differ",
    method: "POST",
    path: chatPath,
    status: 422,
    field: "client_message_id",
    options: () => ({
      body: { content: "hi", client_message_id: "one" },
      headers: { "idempotency-key": "two" },
    }),
  },
  {
    name: "start a chat without company_id",
    method: "POST",
    path: () => "/api/v1/chats",
    options: body({}),
    status: 422,
    field: "company_id",
  },
  {
    name: "start a chat with a string company_id",
    method: "POST",
    path: () => "/api/v1/chats",
    options: body({ company_id: "1" }),
    status: 422,
    field: "company_id",
  },
  {
    name: "start a chat with a fractional company_id",
    method: "POST",
    path: () => "/api/v1/chats",
    options: body({ company_id: 1.5 }),
    status: 422,
    field: "company_id",
  },
  {
    name: "start a chat with an out-of-range company_id",
    method: "POST",
    path: () => "/api/v1/chats",
    options: body({ company_id: 99_999_999_999 }),
    status: [404, 422],
    field: "company_id",
  },
  {
    name: "start a chat with blank content",
    method: "POST",
    path: () => "/api/v1/chats",
    status: 422,
    field: "content",
    options: (c) => ({ body: { company_id: c.companyA, content: "   " } }),
  },
  {
    name: "close without is_active",
    method: "PATCH",
    path: (c) => `/api/v1/company/chats/${c.chatId}`,
    token: rep,
    options: body({}),
    status: 422,
    field: "is_active",
  },
  {
    name: "close with a string is_active",
    method: "PATCH",
    path: (c) => `/api/v1/company/chats/${c.chatId}`,
    token: rep,
    status: 422,
    field: "is_active",
    options: body({ is_active: "false" }),
  },
  {
    name: "token without password",
    method: "POST",
    path: () => "/api/v1/auth/token",
    token: () => null,
    options: body({ email: "a@b.c" }),
    status: 422,
    field: "password",
  },
  {
    name: "register with a bad email",
    method: "POST",
    path: () => "/api/v1/auth/register",
    token: () => null,
    options: body({ email: "nope", name: "N", password: "long enough pass" }),
    status: 422,
    field: "email",
  },

  // 413: bodies over 64 KiB are refused before they are parsed.
  {
    name: "70 KB send",
    method: "POST",
    path: chatPath,
    options: body({ content: "x".repeat(70_000) }),
    status: 413,
  },
  {
    name: "1 MB reply",
    method: "POST",
    path: companyPath,
    token: rep,
    options: body({ content: "y".repeat(1_000_000) }),
    status: 413,
  },
  {
    name: "70 KB of garbage",
    method: "POST",
    path: chatPath,
    options: json("{".repeat(70_000)),
    status: 413,
  },

  // 404: ids that cannot name a chat, or name none.
  { name: "non-numeric chat id", method: "GET", path: () => "/api/v1/chats/abc", status: 404 },
  // Next's route matching fails on a path that does not decode with a bare 500; proxy.ts answers.
  {
    name: "chat id that does not percent-decode",
    method: "GET",
    path: () => "/api/v1/chats/%ZZ",
    status: 404,
  },
  {
    name: "send to a chat id that is not UTF-8",
    method: "POST",
    path: () => "/api/v1/chats/%ED%A0%80/messages",
    options: body({ content: "hi" }),
    status: 404,
  },
  {
    name: "listing external id with a bare %",
    method: "PUT",
    path: (c) => `/api/v1/company/listings/50%?company_id=${c.companyA}`,
    token: rep,
    options: body({ title: "Flat" }),
    status: 404,
  },
  {
    name: "non-numeric chat id on send",
    method: "POST",
    path: () => "/api/v1/chats/abc/messages",
    options: body({ content: "hi" }),
    status: 404,
  },
  { name: "fractional chat id", method: "GET", path: () => "/api/v1/chats/1.5/messages", status: 404 },
  {
    name: "negative chat id",
    method: "GET",
    path: () => "/api/v1/company/chats/-1",
    token: rep,
    status: 404,
  },
  {
    name: "zero chat id",
    method: "POST",
    path: () => "/api/v1/company/chats/0/read",
    token: rep,
    status: 404,
  },
  {
    name: "chat id with leading zeros",
    method: "GET",
    path: (c) => `/api/v1/chats/00${c.chatId}`,
    status: 404,
  },
  { name: "chat id past 32 bits", method: "GET", path: () => "/api/v1/chats/99999999999", status: 404 },
  {
    name: "chat id just past int4",
    method: "POST",
    path: () => "/api/v1/chats/2147483648/read",
    status: 404,
  },
  {
    name: "unknown chat id",
    method: "POST",
    path: () => "/api/v1/chats/2147483647/messages",
    options: body({ content: "hi" }),
    status: 404,
  },
  {
    name: "unknown chat id, company side",
    method: "PATCH",
    path: () => "/api/v1/company/chats/2147483647",
    token: rep,
    options: body({ is_active: false }),
    status: 404,
  },
  {
    name: "start a chat with an unknown company",
    method: "POST",
    path: () => "/api/v1/chats",
    options: body({ company_id: 2_147_483_647 }),
    status: 404,
  },

  // 422: query strings.
  {
    name: "garbage chat cursor",
    method: "GET",
    path: () => "/api/v1/chats?cursor=garbage",
    status: 422,
    field: "cursor",
  },
  {
    name: "cursor that decodes to the wrong shape",
    method: "GET",
    path: () => `/api/v1/chats?cursor=${b64url({ a: 1 })}`,
    status: 422,
    field: "cursor",
  },
  {
    name: "cursor with an out-of-range id",
    method: "GET",
    path: () => `/api/v1/chats?cursor=${b64url(["2020-01-01T00:00:00.000Z", 99_999_999_999])}`,
    status: 422,
    field: "cursor",
  },
  {
    name: "garbage company-chat cursor",
    method: "GET",
    path: () => "/api/v1/company/chats?cursor=%%%",
    token: rep,
    status: 422,
    field: "cursor",
  },
  {
    name: "garbage directory cursor",
    method: "GET",
    path: () => `/api/v1/companies?cursor=${b64url("[1,2]")}`,
    status: 422,
    field: "cursor",
  },
  {
    name: "directory cursor with an out-of-range id",
    method: "GET",
    path: () => `/api/v1/companies?cursor=${b64url(["A", 99_999_999_999])}`,
    status: 422,
    field: "cursor",
  },
  {
    name: "non-numeric message cursor",
    method: "GET",
    path: (c) => `/api/v1/chats/${c.chatId}/messages?before=abc`,
    status: 422,
    field: "before",
  },
  {
    name: "negative message cursor",
    method: "GET",
    path: (c) => `/api/v1/company/chats/${c.chatId}/messages?after=-5`,
    token: rep,
    status: 422,
    field: "after",
  },
  {
    name: "message cursor past 32 bits",
    method: "GET",
    path: (c) => `/api/v1/chats/${c.chatId}/messages?before=99999999999`,
    status: [200, 422],
    field: "before",
  },
  {
    name: "limit over 100 on chats",
    method: "GET",
    path: () => "/api/v1/chats?limit=101",
    status: 422,
    field: "limit",
  },
  {
    name: "limit over 100 on messages",
    method: "GET",
    path: (c) => `/api/v1/chats/${c.chatId}/messages?limit=101`,
    status: 422,
    field: "limit",
  },
  {
    name: "limit over 100 on company chats",
    method: "GET",
    path: () => "/api/v1/company/chats?limit=1000",
    token: rep,
    status: 422,
    field: "limit",
  },
  {
    name: "limit over 100 on companies",
    method: "GET",
    path: () => "/api/v1/companies?limit=100000",
    status: 422,
    field: "limit",
  },
  { name: "limit zero", method: "GET", path: () => "/api/v1/chats?limit=0", status: 422, field: "limit" },
  {
    name: "non-numeric limit",
    method: "GET",
    path: () => "/api/v1/companies?limit=ten",
    status: 422,
    field: "limit",
  },
  {
    name: "company_id filter past 32 bits",
    method: "GET",
    path: () => "/api/v1/company/chats?company_id=99999999999",
    token: rep,
    status: [200, 422],
    field: "company_id",
  },
  {
    name: "unread filter that is not a boolean",
    method: "GET",
    path: () => "/api/v1/company/chats?unread=maybe",
    token: rep,
    status: 422,
    field: "unread",
  },
  {
    name: "search over 100 characters",
    method: "GET",
    path: () => `/api/v1/companies?q=${"q".repeat(101)}`,
    status: 422,
    field: "q",
  },

  {
    name: "admin list after_id past 32 bits",
    method: "GET",
    path: () => "/api/v1/admin/users?after_id=99999999999",
    token: (c) => c.admin,
    status: [200, 422],
    field: "after_id",
  },
  {
    name: "admin link to a company_id past 32 bits",
    method: "PATCH",
    path: (c) => `/api/v1/admin/users/${c.otherBuyer.id}`,
    token: (c) => c.admin,
    options: body({ company_id: 99_999_999_999 }),
    status: 422,
    field: "company_id",
  },

  // Listings and leads (the direct representative answers for company A alone: no company_id).
  {
    name: "malformed JSON to a listing",
    method: "PUT",
    path: () => listingPath("bad-1"),
    token: rep,
    options: json('{"title": "Flat"'),
    status: 400,
  },
  {
    name: "malformed JSON to the feed",
    method: "PUT",
    path: () => feedPath,
    token: rep,
    options: json("{"),
    status: 400,
  },
  {
    name: "malformed JSON to a lead",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({
      ...json('{"email":')(),
      headers: { ...leadKey(), "content-type": "application/json" },
    }),
    status: 400,
  },
  {
    name: "a lead sent form-encoded",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({
      rawBody: "email=a%40b.example&name=A&message=Hi&source=Form",
      headers: { ...leadKey(), "content-type": "application/x-www-form-urlencoded" },
    }),
    status: 415,
  },
  {
    name: "a listing that is an array",
    method: "PUT",
    path: () => listingPath("bad-2"),
    token: rep,
    options: body([{ title: "Flat" }]),
    status: 422,
  },
  {
    name: "a listing without title",
    method: "PUT",
    path: () => listingPath("bad-3"),
    token: rep,
    options: body({ title: null }),
    status: 422,
    field: "title",
  },
  {
    name: "a price that is a bare number",
    method: "PUT",
    path: () => listingPath("bad-4"),
    token: rep,
    options: body({ title: "Flat", price: 250000 }),
    status: 422,
    field: "price",
  },
  {
    name: "a price amount as a string",
    method: "PUT",
    path: () => listingPath("bad-5"),
    token: rep,
    options: body({ title: "Flat", price: { amount: "250000", currency: "EUR" } }),
    status: 422,
    field: "price.amount",
  },
  {
    name: "a negative price",
    method: "PUT",
    path: () => listingPath("bad-6"),
    token: rep,
    options: body({ title: "Flat", price: { amount: -1, currency: "EUR" } }),
    status: 422,
    field: "price.amount",
  },
  {
    name: "an attribute holding an object",
    method: "PUT",
    path: () => listingPath("bad-7"),
    token: rep,
    options: body({ title: "Flat", attributes: { rooms: { bed: 2 } } }),
    status: 422,
    field: "attributes.rooms",
  },
  {
    name: "21 attributes",
    method: "PUT",
    path: () => listingPath("bad-8"),
    token: rep,
    options: body({
      title: "Flat",
      attributes: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`a${i}`, i])),
    }),
    status: 422,
    field: "attributes",
  },
  {
    name: "a listing with a field it does not have",
    method: "PUT",
    path: () => listingPath("bad-9"),
    token: rep,
    options: body({ title: "Flat", company_id: 1 }),
    status: 422,
  },
  {
    name: "a listing over 64 KiB",
    method: "PUT",
    path: () => listingPath("bad-10"),
    token: rep,
    options: body({ title: "x".repeat(70 * 1024) }),
    status: 413,
  },
  {
    name: "a feed that is not a list",
    method: "PUT",
    path: () => feedPath,
    token: rep,
    options: body({ listings: { a: 1 } }),
    status: 422,
    field: "listings",
  },
  {
    name: "an empty feed",
    method: "PUT",
    path: () => feedPath,
    token: rep,
    options: body({ listings: [] }),
    status: 422,
    field: "listings",
  },
  {
    name: "a feed item without its external id",
    method: "PUT",
    path: () => feedPath,
    token: rep,
    options: body({ listings: [{ title: "Flat" }] }),
    status: 422,
    field: "listings.0.external_id",
  },
  {
    name: "a feed over 2 MiB",
    method: "PUT",
    path: () => feedPath,
    token: rep,
    options: json(JSON.stringify({ listings: [{ external_id: "big", title: "x".repeat(2 * 1024 * 1024) }] })),
    status: 413,
  },
  {
    name: "a lead with a numeric email",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({ body: { ...lead(), email: 42 }, headers: leadKey() }),
    status: 422,
    field: "email",
  },
  {
    name: "a lead with a source over 60 characters",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({ body: { ...lead(), source: "s".repeat(61) }, headers: leadKey() }),
    status: 422,
    field: "source",
  },
  {
    name: "a lead naming a listing by an id over 200 characters",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({ body: { ...lead(), listing_external_id: "x".repeat(201) }, headers: leadKey() }),
    status: 422,
    field: "listing_external_id",
  },
  {
    name: "a lead with a field it does not have",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({ body: { ...lead(), password: "let me in" }, headers: leadKey() }),
    status: 422,
  },
  {
    name: "a lead with an Idempotency-Key of 201 characters",
    method: "POST",
    path: () => leadPath,
    token: rep,
    options: () => ({ body: lead(), headers: { "idempotency-key": "k".repeat(201) } }),
    status: 422,
  },
  {
    name: "a lead naming a company_id past 32 bits",
    method: "POST",
    path: () => `${leadPath}?company_id=99999999999`,
    token: rep,
    options: () => ({ body: lead(), headers: leadKey() }),
    status: 422,
    field: "company_id",
  },
  {
    name: "limit over 100 on listings",
    method: "GET",
    path: () => `${feedPath}?limit=101`,
    token: rep,
    status: 422,
    field: "limit",
  },
  {
    name: "garbage listings cursor",
    method: "GET",
    path: () => `${feedPath}?cursor=%%%`,
    token: rep,
    status: 422,
    field: "cursor",
  },
  {
    name: "listings cursor that decodes to the wrong shape",
    method: "GET",
    path: () => `${feedPath}?cursor=${b64url(["2026-01-01", 1])}`,
    token: rep,
    status: 422,
    field: "cursor",
  },
  {
    name: "listings company_id filter past 32 bits",
    method: "GET",
    path: () => `${feedPath}?company_id=99999999999`,
    token: rep,
    status: 422,
    field: "company_id",
  },
  { name: "non-numeric listing id", method: "GET", path: () => "/api/v1/listings/abc", status: 404 },
  { name: "listing id past 32 bits", method: "GET", path: () => "/api/v1/listings/99999999999", status: 404 },
  {
    name: "the listings of a non-numeric chat id",
    method: "GET",
    path: () => "/api/v1/company/chats/abc/listings",
    token: rep,
    status: 404,
  },
  {
    name: "start a chat with a string listing_id",
    method: "POST",
    path: () => "/api/v1/chats",
    options: body({ company_id: 1, listing_id: "1", content: "hi" }),
    status: 422,
    field: "listing_id",
  },
  {
    name: "send with a fractional listing_id",
    method: "POST",
    path: chatPath,
    options: body({ content: "hi", listing_id: 1.5 }),
    status: 422,
    field: "listing_id",
  },
  {
    name: "reply with a listing_id past int4",
    method: "POST",
    path: companyPath,
    token: rep,
    options: body({ content: "hi", listing_id: 2_147_483_648 }),
    status: 422,
    field: "listing_id",
  },
  // 404 as problem+json, for paths the API does not have.
  { name: "unknown path under /api/v1", method: "GET", path: () => "/api/v1/no-such-thing", status: 404 },
  {
    name: "unknown sub-resource of a chat",
    method: "POST",
    path: (c) => `/api/v1/chats/${c.chatId}/archive`,
    options: body({}),
    status: 404,
  },

  // 401: credentials that are not credentials.
  {
    name: "garbage bearer token",
    method: "POST",
    path: chatPath,
    token: () => "garbage",
    options: body({ content: "hi" }),
    status: 401,
  },
  {
    name: "bearer token of three garbage parts",
    method: "POST",
    path: chatPath,
    token: () => "a.b.c",
    options: body({ content: "hi" }),
    status: 401,
  },
  {
    name: "forged token signed with another key",
    method: "POST",
    path: chatPath,
    status: 401,
    options: body({ content: "hi" }),
    token: (c) =>
      forgedJwt({
        user_id: c.buyer.id,
        token_type: "access",
        sid: randomUUID(),
        iss: "estate-chat",
        exp: now() + 3600,
      }),
  },
  {
    name: "expired-looking token",
    method: "POST",
    path: companyPath,
    status: 401,
    options: body({ content: "hi" }),
    token: (c) =>
      forgedJwt({
        user_id: c.directRep.id,
        token_type: "access",
        sid: randomUUID(),
        iss: "estate-chat",
        iat: now() - 7200,
        exp: now() - 3600,
      }),
  },
  {
    name: "unsigned token (alg none)",
    method: "POST",
    path: chatPath,
    status: 401,
    options: body({ content: "hi" }),
    token: (c) =>
      `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ user_id: c.buyer.id, token_type: "access", iss: "estate-chat", exp: now() + 3600 })}.`,
  },
  {
    name: "real token with a tampered payload",
    method: "POST",
    path: chatPath,
    token: tampered,
    options: body({ content: "hi" }),
    status: 401,
  },
  {
    name: "Basic credentials",
    method: "POST",
    path: chatPath,
    token: () => null,
    status: 401,
    options: () => ({ body: { content: "hi" }, headers: { authorization: "Basic x" } }),
  },
  {
    name: "Bearer with nothing after it",
    method: "POST",
    path: chatPath,
    token: () => null,
    status: 401,
    options: () => ({ body: { content: "hi" }, headers: { authorization: "Bearer " } }),
  },
  {
    name: "two bearer tokens in one header",
    method: "POST",
    path: chatPath,
    token: () => null,
    status: 401,
    options: (c) => ({
      body: { content: "hi" },
      headers: { authorization: `Bearer ${c.buyer.token} ${c.buyer.token}` },
    }),
  },
  // Routing, notes, saved replies: the company side's new routes.
  {
    name: "an assignee id that is text",
    method: "PATCH",
    path: (c) => `/api/v1/company/chats/${c.chatId}`,
    token: rep,
    options: body({ assignee_id: "me" }),
    status: 422,
    field: "assignee_id",
  },
  {
    name: "an assignee id past the largest row id",
    method: "PATCH",
    path: (c) => `/api/v1/company/chats/${c.chatId}`,
    token: rep,
    options: body({ assignee_id: 2 ** 31 }),
    status: 422,
    field: "assignee_id",
  },
  {
    name: "an assignee filter that is neither me, none nor an id",
    method: "GET",
    path: () => "/api/v1/company/chats?assignee=everyone",
    token: rep,
    status: 422,
    field: "assignee",
  },
  {
    name: "availability that is neither available nor away",
    method: "PATCH",
    path: () => "/api/v1/me",
    options: body({ availability: "busy" }),
    status: 422,
    field: "availability",
  },
  {
    name: "a blank note",
    method: "POST",
    path: (c) => `/api/v1/company/chats/${c.chatId}/notes`,
    token: rep,
    options: body({ content: "   " }),
    status: 422,
    field: "content",
  },
  {
    name: "a note sent as an array",
    method: "POST",
    path: (c) => `/api/v1/company/chats/${c.chatId}/notes`,
    token: rep,
    options: json("[]"),
    status: 422,
  },
  {
    name: "settings with an unknown routing policy",
    method: "PATCH",
    path: () => "/api/v1/company/settings",
    token: rep,
    options: body({ routing: "random" }),
    status: 422,
    field: "routing",
  },
  {
    name: "settings with a company id that is text",
    method: "GET",
    path: () => "/api/v1/company/settings?company_id=abc",
    token: rep,
    status: 422,
    field: "company_id",
  },
  {
    name: "malformed JSON to the settings",
    method: "PATCH",
    path: () => "/api/v1/company/settings",
    token: rep,
    options: json('{"timezone":'),
    status: 400,
  },
  {
    name: "a saved reply with an uppercase shortcut",
    method: "POST",
    path: () => "/api/v1/company/saved-replies",
    token: rep,
    options: body({ shortcut: "Hello", content: "Hi" }),
    status: 422,
    field: "shortcut",
  },
  {
    name: "a saved reply with a NUL in its content",
    method: "POST",
    path: () => "/api/v1/company/saved-replies",
    token: rep,
    options: body({ shortcut: "nul", content: "a\u0000b" }),
    status: 422,
    field: "content",
  },
  {
    name: "an empty change to a saved reply",
    method: "PATCH",
    path: () => "/api/v1/company/saved-replies/1",
    token: rep,
    options: body({}),
    status: 422,
  },
  {
    name: "a saved reply id that is not a number",
    method: "DELETE",
    path: () => "/api/v1/company/saved-replies/abc",
    token: rep,
    status: 404,
  },
];

async function messageCount(c: Ctx): Promise<number> {
  const answer = await call("GET", `/api/v1/company/chats/${c.chatId}/messages?limit=100`, {
    token: c.directRep.token,
  });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.data.length;
}

function assertAnswer(answer: Answer, want: number | number[]): void {
  const allowed = Array.isArray(want) ? want : [want];
  assert.ok(
    allowed.includes(answer.status),
    `status ${answer.status}, want ${allowed.join(" or ")} (body: ${answer.text.slice(0, 300)})`,
  );
  const status = answer.status;
  if (status < 400) return;
  assert.match(answer.headers.get("content-type") ?? "", /^application\/problem\+json/);
  assert.equal(answer.body?.status, status);
  assert.equal(typeof answer.body?.title, "string");
  assert.equal(typeof answer.body?.detail, "string");
  assert.equal(typeof answer.body?.request_id, "string");
  if (status === 401) assert.match(answer.headers.get("www-authenticate") ?? "", /^Bearer/i);
}

describe("v1 bad input", () => {
  let ctx: Ctx;
  before(async () => {
    const world = await makeWorld();
    const started = await call("POST", "/api/v1/chats", {
      token: world.buyer.token,
      body: { company_id: world.companyA, content: "the only message" },
    });
    assert.equal(started.status, 201, started.text);
    ctx = { ...world, chatId: started.body.id };
  });

  for (const testCase of CASES) {
    it(`${testCase.name} → ${[testCase.status].flat().join(" or ")}`, async () => {
      const countBefore = await messageCount(ctx);
      const token = testCase.token ? testCase.token(ctx) : ctx.buyer.token;
      const answer = await call(testCase.method, testCase.path(ctx), {
        ...testCase.options?.(ctx),
        token: token ?? undefined,
      });
      assertAnswer(answer, testCase.status);
      if (testCase.field && answer.status === 422) {
        const fields = (answer.body.errors ?? []).map((issue: { field: string }) => issue.field);
        assert.ok(
          fields.includes(testCase.field),
          `errors[] names ${testCase.field}: ${JSON.stringify(answer.body.errors)}`,
        );
      }
      assert.equal(await messageCount(ctx), countBefore, "the chat's messages are unchanged");
      const chat = await call("GET", `/api/v1/company/chats/${ctx.chatId}`, { token: ctx.directRep.token });
      assert.equal(chat.body.is_active, true, "the chat is still open");
    });
  }

  it("a chunked body over 64 KiB without Content-Length → 413", async () => {
    const countBefore = await messageCount(ctx);
    // node:http on a connection of its own: the server answers before reading the whole body
    // and closes the connection, which must not poison fetch's shared connection pool.
    const answer = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
      const request = httpRequest(new URL(chatPath(ctx), BASE_URL), {
        method: "POST",
        agent: false,
        headers: { authorization: `Bearer ${ctx.buyer.token}`, "content-type": "application/json" },
      });
      request.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), text }),
        );
      });
      request.on("error", reject);
      request.write('{"content":"');
      for (let i = 0; i < 8; i++) request.write("x".repeat(16 * 1024));
      request.end('"}');
    });
    assert.equal(answer.status, 413, answer.text);
    assert.match(answer.type, /^application\/problem\+json/);
    assert.equal(await messageCount(ctx), countBefore);
  });

  it("content with a NUL character is refused or stored, never a 500", async () => {
    const countBefore = await messageCount(ctx);
    const answer = await call("POST", chatPath(ctx), {
      token: ctx.buyer.token,
      body: { content: "before\u0000after" },
    });
    assert.ok(
      answer.status === 201 || answer.status === 422,
      `status ${answer.status}: ${answer.text.slice(0, 300)}`,
    );
    assert.equal(await messageCount(ctx), countBefore + (answer.status === 201 ? 1 : 0));
  });

  it("a search with a NUL character is never a 500", async () => {
    const answer = await call("GET", "/api/v1/companies?q=a%00b", { token: ctx.buyer.token });
    assert.ok(
      answer.status === 200 || answer.status === 422,
      `status ${answer.status}: ${answer.text.slice(0, 300)}`,
    );
  });

  it("a name with a NUL character at registration is never a 500", async () => {
    const answer = await call("POST", "/api/v1/auth/register", {
      body: {
        email: `nul-${randomUUID().slice(0, 8)}@example.test`,
        name: "Nul\u0000Name",
        password: "a long enough password",
      },
    });
    assert.ok(
      answer.status === 201 || answer.status === 422,
      `status ${answer.status}: ${answer.text.slice(0, 300)}`,
    );
  });

  it("a group name that does not decode is never a 500, even for the admin", async () => {
    const answer = await call("PUT", `/api/v1/admin/groups/%25/members/${ctx.otherBuyer.id}`, {
      token: ctx.admin,
    });
    assert.ok([404, 422].includes(answer.status), `status ${answer.status}: ${answer.text.slice(0, 300)}`);
  });

  it("content of exactly 5000 characters after trimming is accepted", async () => {
    const countBefore = await messageCount(ctx);
    const content = `  ${"z".repeat(5000)}  `;
    const answer = await call("POST", chatPath(ctx), { token: ctx.buyer.token, body: { content } });
    assert.equal(answer.status, 201, answer.text.slice(0, 300));
    assert.equal(answer.body.content.length, 5000);
    assert.equal(await messageCount(ctx), countBefore + 1);
  });
});
