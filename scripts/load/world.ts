// The people of a load run, made through the API as an operator would: companies, their
// representatives (most linked directly, every fourth through the company's group), buyers, and
// one chat per buyer with a company (buyers spread over the companies round-robin).
import { randomUUID } from "node:crypto";
import type { Api } from "./api";

export type Person = { id: number; token: string; role: "buyer" | "rep"; companyId: number };
export type Chat = { id: number; companyId: number; buyerId: number };
export type World = { buyers: Person[]; reps: Person[]; chats: Chat[]; chatOf: Map<number, Chat> };

const PASSWORD = "load-test-password-long-enough";
/** Sign-ups hash passwords on purpose slowly: a few at a time keeps the setup short. */
const SETUP_CONCURRENCY = 8;

async function inBatches<T, R>(
  label: string,
  items: T[],
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += SETUP_CONCURRENCY) {
    results.push(...(await Promise.all(items.slice(i, i + SETUP_CONCURRENCY).map((x, j) => run(x, i + j)))));
    // Sign-ups take minutes on a busy machine: say how far along they are.
    if (results.length % 40 < SETUP_CONCURRENCY && results.length < items.length)
      console.log(`load: ${results.length} of ${items.length} ${label} set up`);
  }
  return results;
}

/** How 200 users split: one representative for every four buyers, four per company. */
export function shape(users: number) {
  const reps = Math.max(1, Math.round(users / 5));
  const companies = Math.max(1, Math.round(reps / 4));
  return { companies, reps, buyers: Math.max(1, users - reps) };
}

export async function buildWorld(api: Api, admin: { email: string; password: string }, users: number) {
  const run = randomUUID().slice(0, 6);
  const { companies: companyCount, reps: repCount, buyers: buyerCount } = shape(users);
  const token = async (email: string, password: string) =>
    (await api.must("POST", "/api/v1/auth/token", { body: { email, password } }, [200]))
      .access_token as string;
  const adminToken = await token(admin.email, admin.password);
  const signUp = async (label: string) => {
    const email = `${label}-${run}@load.example.test`;
    const body = await api.must(
      "POST",
      "/api/v1/auth/register",
      { body: { email, name: label, password: PASSWORD } },
      [201],
    );
    return { id: body.id as number, email };
  };

  const companyIds = await inBatches("companies", Array.from({ length: companyCount }), async (_, i) => {
    const body = await api.must(
      "POST",
      "/api/v1/admin/companies",
      {
        token: adminToken,
        body: { name: `Load Realty ${run} ${i + 1}`, description: "" },
      },
      [201],
    );
    return body.id as number;
  });

  const reps = await inBatches("representatives", Array.from({ length: repCount }), async (_, i) => {
    const companyId = companyIds[i % companyCount] as number;
    const { id, email } = await signUp(`load-rep-${i}`);
    if (i % 4 === 3) {
      await api.must(
        "PUT",
        `/api/v1/admin/groups/company_${companyId}/members/${id}`,
        { token: adminToken },
        [201, 204],
      );
    } else {
      await api.must(
        "PATCH",
        `/api/v1/admin/users/${id}`,
        { token: adminToken, body: { company_id: companyId } },
        [200],
      );
    }
    // Signed in after the link, so the token's claims name the company.
    return { id, token: await token(email, PASSWORD), role: "rep", companyId } satisfies Person;
  });

  const chats: Chat[] = [];
  const buyers = await inBatches("buyers", Array.from({ length: buyerCount }), async (_, i) => {
    const companyId = companyIds[i % companyCount] as number;
    const { id, email } = await signUp(`load-buyer-${i}`);
    const buyerToken = await token(email, PASSWORD);
    const chat = await api.must(
      "POST",
      "/api/v1/chats",
      { token: buyerToken, body: { company_id: companyId } },
      [200, 201],
    );
    chats.push({ id: chat.id, companyId, buyerId: id });
    return { id, token: buyerToken, role: "buyer", companyId } satisfies Person;
  });

  return { buyers, reps, chats, chatOf: new Map(chats.map((chat) => [chat.buyerId, chat])) } satisfies World;
}

/** Who must receive a message in this chat: its buyer and every representative of its company. */
export const audienceOf = (world: World, chat: Chat): Person[] => [
  ...world.buyers.filter((buyer) => buyer.id === chat.buyerId),
  ...world.reps.filter((rep) => rep.companyId === chat.companyId),
];
