// Filling a saved reply's variables when a representative inserts it. A variable we do not know,
// or one whose value is missing (a chat about no listing), is left exactly as typed: the
// representative sees it in the composer and fixes it, instead of the buyer reading a blank.
export type ReplyContext = {
  buyer: { name: string };
  listing: { title: string } | null;
  rep: { name: string };
};

const VARIABLE = /\{\{\s*([a-z]+)\.([a-z]+)\s*\}\}/g;

function variableValue(context: ReplyContext, owner: string, field: string): string | undefined {
  if (field === "name" && owner === "buyer") return context.buyer.name;
  if (field === "name" && owner === "rep") return context.rep.name;
  if (field === "title" && owner === "listing") return context.listing?.title;
  return undefined;
}

export const fillReplyVariables = (content: string, context: ReplyContext): string =>
  content.replace(
    VARIABLE,
    (typed, owner: string, field: string) => variableValue(context, owner, field) ?? typed,
  );
