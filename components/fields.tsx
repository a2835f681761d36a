import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { textInput } from "./lists/styles";

type Common = { id: string; label: string; errors?: string[]; hint?: string };

function Described({ id, errors, hint }: Omit<Common, "label">) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

const describedBy = ({ id, errors, hint }: Omit<Common, "label">) =>
  [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** A labelled input whose errors sit under it and are tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  errors,
  hint,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy({ id, errors, hint })}
        className={textInput}
        {...input}
      />
      <Described id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function TextArea({
  id,
  label,
  errors,
  hint,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy({ id, errors, hint })}
        className={textInput}
        {...textarea}
      />
      <Described id={id} errors={errors} hint={hint} />
    </div>
  );
}

/** Field errors of a problem+json answer, by field name (`errors[].field`). */
export function errorsByField(problems: { field: string; message: string }[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const { field, message } of problems) byField[field] = [...(byField[field] ?? []), message];
  return byField;
}
