// One line per tag, shown above its operations in the document and on /docs/api. A tag without
// a line here is still listed.
export const TAG_DESCRIPTIONS: Record<string, string> = {
  Authentication: "Accounts and bearer tokens.",
  Account: "The signed-in person's own account.",
  Companies: "The directory of real-estate companies.",
  "Buyer chats": "The caller's own chats with companies, as a buyer.",
  "Company chats": "Chats of the companies the caller represents (every company for an admin).",
  Listings:
    "Homes the companies offer, kept up to date by their API keys or representatives; any buyer reads one.",
  "Company settings": "How a company routes new chats, when it is open, and what it answers when closed.",
  "Saved replies": "A company's canned answers, offered by shortcut in the composer.",
  Leads: "Buyers who wrote on a portal or a contact form, posted into their chat with the company.",
  "Live events": "Everything the caller may see, as it happens.",
  Admin: "Companies, representatives and admins. Admins only.",
  Meta: "About the API itself.",
};
