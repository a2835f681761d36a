import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { FieldError } from "../../ui/fields";

/** The event types as a labelled group of checkboxes. */
export function EventCheckboxes({
  idPrefix,
  chosen,
  onChange,
  errors,
}: {
  idPrefix: string;
  chosen: string[];
  onChange: (next: string[]) => void;
  errors?: string[];
}) {
  const toggle = (type: string, on: boolean) =>
    onChange(on ? [...chosen, type] : chosen.filter((candidate) => candidate !== type));
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? `${idPrefix}-error` : undefined}>
      <legend className="text-sm font-medium">Events</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <div key={type} className="flex items-center gap-2">
          <input
            id={`${idPrefix}-${type}`}
            type="checkbox"
            checked={chosen.includes(type)}
            onChange={(event) => toggle(type, event.target.checked)}
            className="size-4 rounded border-zinc-300 accent-blue-600 dark:border-zinc-700"
          />
          <label htmlFor={`${idPrefix}-${type}`} className="text-sm">
            {WEBHOOK_EVENT_LABELS[type]}{" "}
            <code className="text-xs text-zinc-500 dark:text-zinc-400">{type}</code>
          </label>
        </div>
      ))}
      <FieldError id={`${idPrefix}-error`} errors={errors} />
    </fieldset>
  );
}
