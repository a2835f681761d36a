import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { textInput } from "./styles";

// A label may end in an ItemName where the field repeats per item of a list.
type Common = { id: string; label: ReactNode; errors?: string[]; hint?: string };

/** A field's errors, by the id its control's aria-describedby names; nothing when there are none. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

/** What ties a control to its label's field: its id, invalid state and the hint and errors. */
function controlAttributes({ id, errors, hint }: Omit<Common, "label">) {
  return {
    id,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby":
      [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
    className: textInput,
  };
}

/** The label above a control, and its hint and errors under it. */
function Labelled({ id, label, errors, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A labelled input whose errors sit under it and are tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  errors,
  hint,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled id={id} label={label} errors={errors} hint={hint}>
      <input {...controlAttributes({ id, errors, hint })} {...input} />
    </Labelled>
  );
}

/** A TextField for server-action forms, where the field's name also gives its id. */
export function FormField({
  name,
  ...field
}: { name: string } & Omit<Common, "id"> & InputHTMLAttributes<HTMLInputElement>) {
  return <TextField id={`field-${name}`} name={name} {...field} />;
}

/** The multi-line TextField. */
export function TextArea({
  id,
  label,
  errors,
  hint,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled id={id} label={label} errors={errors} hint={hint}>
      <textarea rows={3} {...controlAttributes({ id, errors, hint })} {...textarea} />
    </Labelled>
  );
}
