import { ItemName } from "../../ui/item-name";
import { dangerButton, secondaryButton } from "../../ui/styles";

export type EndpointQuestion = "delete" | "rotate";

// Each answer names the endpoint: several cards may be asking at once.
const QUESTIONS: Record<
  EndpointQuestion,
  { text: string; yes: string; yesItem: string; cancelItem: string }
> = {
  delete: {
    text: "Delete this endpoint and its delivery log?",
    yes: "Yes, delete",
    yesItem: "",
    cancelItem: "deleting",
  },
  rotate: {
    text: "Make a new secret? Your receiver must switch to it at once.",
    yes: "Yes, rotate secret",
    yesItem: "of",
    cancelItem: "rotating the secret of",
  },
};

/** The question before a change that cannot be undone, with its two answers. */
export function EndpointConfirm({
  question,
  url,
  pending,
  onConfirm,
  onCancel,
}: {
  question: EndpointQuestion;
  url: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { text, yes, yesItem, cancelItem } = QUESTIONS[question];
  return (
    <fieldset className="flex flex-wrap items-center gap-2 text-sm">
      <legend className="sr-only">Confirm</legend>
      <span>{text}</span>
      <button type="button" disabled={pending} onClick={onConfirm} className={dangerButton}>
        {yes}
        <ItemName>{`${yesItem} ${url}`.trim()}</ItemName>
      </button>
      <button type="button" onClick={onCancel} className={secondaryButton}>
        Cancel<ItemName>{`${cancelItem} ${url}`}</ItemName>
      </button>
    </fieldset>
  );
}
