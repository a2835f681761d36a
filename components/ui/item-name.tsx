import type { ReactNode } from "react";

/**
 * The rest of a control's name, for screen readers and voice control only: which item of a list
 * it acts on ("Revoke" + "CRM sync" is heard as "Revoke CRM sync"). For controls whose item is
 * already on screen beside them (a card's heading, a row's title), so the eye is not told twice.
 * It goes after the visible words, which then still start the name a person says aloud.
 */
export function ItemName({ children }: { children: ReactNode }) {
  return <span className="sr-only"> {children}</span>;
}

/**
 * A button's words with its item's name: `text` shown, `item` heard, and while `busy` an ellipsis
 * after both ("Revoking" + "CRM sync" + "…"). One span, so a flex button keeps the words together.
 */
export function ItemLabel({ text, item, busy = false }: { text: string; item?: ReactNode; busy?: boolean }) {
  return (
    <span>
      {text}
      {item !== undefined && <ItemName>{item}</ItemName>}
      {busy && "…"}
    </span>
  );
}
