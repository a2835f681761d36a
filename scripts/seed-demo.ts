// Demo data for a fresh embedded database, so a first `npm start` has something to look at.
// Everything goes through lib/ functions, so unread counters and last-message pointers are
// exactly what real use would leave behind.

import { registerUser } from "../lib/accounts/users";
import { createCompany } from "../lib/admin/companies";
import { addGroupMember } from "../lib/admin/groups";
import { updateUserAccess } from "../lib/admin/users";
import { type Actor, companyGroupName, loadActorByUserId } from "../lib/auth/actor";
import { getOrCreateChat } from "../lib/chats/get-or-create-chat";
import { setChatActive } from "../lib/chats/set-chat-active";
import { createLead } from "../lib/leads/create-lead";
import { LeadBodySchema } from "../lib/leads/schemas";
import { markChatRead } from "../lib/messages/mark-read";
import { sendMessage } from "../lib/messages/send-message";
import { seedDemoListings } from "./demo-listings";
import { operatorActor } from "./operator";

export const DEMO_PASSWORD = "demo-pass-123";

const COMPANIES = [
  {
    name: "Summit Realty",
    description: "Family homes and townhouses in the northern suburbs, with a team of twelve local agents.",
  },
  {
    name: "Harbor Homes",
    description: "Waterfront apartments and new-build condominiums along the bay.",
  },
  {
    name: "Prairie & Pine Properties",
    description: "Rural land, farmhouses and cabins; financing advice for first-time buyers.",
  },
];

async function user(email: string, name: string): Promise<Actor> {
  return registerUser({ email, name, password: DEMO_PASSWORD });
}

async function reload(actor: Actor): Promise<Actor> {
  const fresh = await loadActorByUserId(actor.userId);
  if (!fresh) throw new Error(`demo user ${actor.email} vanished`);
  return fresh;
}

async function createDemoCompanies() {
  const created = [];
  for (const company of COMPANIES) created.push(await createCompany(operatorActor, company));
  const [summit, harbor, prairie] = created;
  if (!summit || !harbor || !prairie) throw new Error("demo companies were not created");
  return { summit, harbor, prairie };
}

/** Seeds companies, their listings, users and a few conversations. Run only on a database without users. */
export async function seedDemo(): Promise<void> {
  const { summit, harbor, prairie } = await createDemoCompanies();
  const alice = await user("alice@example.com", "Alice Martin");
  const bob = await user("bob@example.com", "Bob Nguyen");
  // The guide's two ways to represent a company: the user's own company link, and a group.
  const summitRep = await user("rep@summit-realty.example", "Rita Summit");
  const rep = await updateUserAccess(operatorActor, summitRep.userId, { companyId: summit.id });
  const harborRep = await user("grouprep@harbor-homes.example", "Gus Harbor");
  await addGroupMember(operatorActor, companyGroupName(harbor.id), harborRep.userId);
  const groupRep = await reload(harborRep);
  const adminUser = await user("admin@example.com", "Ada Admin");
  const admin = await updateUserAccess(operatorActor, adminUser.userId, { isAdmin: true });

  const listings = await seedDemoListings(operatorActor, {
    summit: summit.id,
    harbor: harbor.id,
    prairie: prairie.id,
  });
  const listingId = (company: Map<string, { id: number }>, externalId: string) => {
    const listing = company.get(externalId);
    if (!listing) throw new Error(`demo listing ${externalId} was not created`);
    return listing.id;
  };

  const say = (actor: Actor, side: "buyer" | "company", chatId: number, content: string) =>
    sendMessage(actor, side, chatId, { content });

  // Alice and Summit, about a listing: a full exchange; she has read everything, her last message
  // is new to Summit.
  const { chat: aliceSummit } = await getOrCreateChat(alice, {
    companyId: summit.id,
    content: "Hello! Is the three-bedroom on Maple Street still available?",
    listingId: listingId(listings.summit, "SR-1042"),
  });
  await markChatRead(rep, "company", aliceSummit.id);
  await say(rep, "company", aliceSummit.id, "Hi Alice, yes it is. Would you like to see it this weekend?");
  await markChatRead(alice, "buyer", aliceSummit.id);
  await say(alice, "buyer", aliceSummit.id, "Saturday morning would be perfect.");

  // Alice and Harbor: two replies she has not read yet.
  const { chat: aliceHarbor } = await getOrCreateChat(alice, {
    companyId: harbor.id,
    content: "Do any of your bay apartments allow dogs?",
  });
  await markChatRead(groupRep, "company", aliceHarbor.id);
  await say(groupRep, "company", aliceHarbor.id, "Several do! The Pier 9 building welcomes pets.");
  await say(groupRep, "company", aliceHarbor.id, "I can send you the floor plans if you like.");

  // Bob and Summit: waiting for an answer.
  await getOrCreateChat(bob, { companyId: summit.id, content: "What are the HOA fees at Ridge Park?" });

  // Bob and Prairie & Pine (no representative, so the admin answers): answered, then closed.
  const { chat: bobPrairie } = await getOrCreateChat(bob, {
    companyId: prairie.id,
    content: "Is the cabin near Elk Lake still for sale?",
    listingId: listingId(listings.prairie, "PP-ELK-3"),
  });
  await markChatRead(admin, "company", bobPrairie.id);
  await say(
    admin,
    "company",
    bobPrairie.id,
    "Sorry Bob, it sold last week. We have two similar ones nearby.",
  );
  await markChatRead(bob, "buyer", bobPrairie.id);
  await setChatActive(admin, bobPrairie.id, false);

  // Alice and Prairie & Pine: a lead a portal posted for her, shown "via Zillow" on both sides.
  await createLead(operatorActor, {
    companyId: prairie.id,
    idempotencyKey: "demo-lead-farmhouse",
    lead: LeadBodySchema.parse({
      email: "alice@example.com",
      name: "Alice Martin",
      message: "I saw the farmhouse on twelve acres. Is the barn included in the price?",
      listing_external_id: "PP-FH-12",
      source: "Zillow",
    }),
  });
}
