// One line per tag, shown above its operations in the document and on /docs/api. A tag without
// a line here is still listed.
export const TAG_DESCRIPTIONS: Record<string, string> = {
  Authentication: "Accounts and bearer tokens.",
  Account: "The signed-in person's own account.",
  Companies: "The directory of real-estate companies.",
  "Buyer chats": "The caller's own chats with companies, as a buyer.",
  "Company chats": "Chats of the companies the caller represents (every company for an admin).",
  "Live events": "Everything the caller may see, as it happens.",
  Admin: "Companies, representatives and admins. Admins only.",
  Meta: "About the API itself.",
};
