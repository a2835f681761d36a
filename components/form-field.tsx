import type { InputHTMLAttributes } from "react";
import { TextField } from "./fields";

type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

/** A TextField for server-action forms, where the field's name also gives its id. */
export function FormField({ name, ...field }: FormFieldProps) {
  return <TextField id={`field-${name}`} name={name} {...field} />;
}
