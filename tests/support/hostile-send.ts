// Sending one generated request and reading its answer, for the hostile-input tests.
import { request as httpRequest } from "node:http";
import type { HostileBody } from "./hostile-values";
import type { HostileWorld, Person } from "./hostile-world";
import { baseUrl } from "./http";

/** Fixed, so a failure reproduces; fast-check prints the seed and path of a failing run. */
export const SEED = Number(process.env.HOSTILE_SEED ?? 20_261_127);
/** Runs per route and method; the default keeps each file near a minute per database. */
export const RUNS = Number(process.env.HOSTILE_RUNS ?? 3);
/** HOSTILE_SHRINK=1: shrink a failure to its smallest form (slow: every step is requests). */
export const SHRINK = process.env.HOSTILE_SHRINK === "1";

export type Auth = { person: Person } | { header: string | undefined };
export type HostileRequest = {
  method: string;
  path: string;
  auth: Auth;
  headers: Record<string, string>;
  body: HostileBody;
};
export type Answer = { status: number; contentType: string; text: string };

/** The request over its own socket when the body is large (the server may answer before reading it). */
export function send(w: HostileWorld, request: HostileRequest): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  const authorization =
    "person" in request.auth ? `Bearer ${w.tokens[request.auth.person]}` : request.auth.header;
  if (authorization !== undefined) headers.authorization = authorization;
  if (request.body.contentType !== undefined) headers["content-type"] = request.body.contentType;
  const payload = request.body.text === undefined ? undefined : Buffer.from(request.body.text);
  if (payload) headers["content-length"] = String(payload.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(request.path, baseUrl()), {
      method: request.method,
      headers,
      agent: false,
      timeout: 30_000,
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 30 s")));
    outgoing.on("response", (response) => {
      const contentType = String(response.headers["content-type"] ?? "");
      if (contentType.startsWith("text/event-stream")) {
        // The live stream never ends: its status and type are the answer.
        response.destroy();
        resolve({ status: response.statusCode ?? 0, contentType, text: "" });
        return;
      }
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.on("error", reject);
    });
    // The server may refuse an oversized body and close before reading it all; the answer has
    // arrived by then, so a write error after it is not the test's business.
    outgoing.on("error", (error) => {
      if (!outgoing.headersSent || !("res" in outgoing && outgoing.res)) reject(error);
    });
    outgoing.end(payload);
  });
}

export const json = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A field of a JSON answer by its dotted path. */
export const field = (value: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce(
      (at: unknown, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined),
      value,
    );

/** C0 and C1 controls but tab, LF and CR; a code point of a surrogate is one without its pair. */
export const isControlOrLoneSurrogate = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
  (code >= 0x7f && code <= 0x9f) ||
  (code >= 0xd800 && code <= 0xdfff);
