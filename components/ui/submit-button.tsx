"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { primaryButton, widePrimaryButton } from "./styles";

/**
 * A form's submit button, disabled and relabelled while the form is busy, so a double click
 * cannot submit twice. Busy is `pending` when given (forms that call the API themselves), else
 * the form's server action running.
 */
export function SubmitButton({
  children,
  pendingLabel,
  pending,
  wide = false,
}: {
  children: ReactNode;
  pendingLabel: string;
  pending?: boolean;
  wide?: boolean;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <button
      type="submit"
      disabled={busy}
      aria-disabled={busy}
      className={wide ? widePrimaryButton : primaryButton}
    >
      {busy ? pendingLabel : children}
    </button>
  );
}
