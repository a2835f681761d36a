"use client";

import { useState } from "react";
import { ApiError, type FieldProblem } from "@/lib/client/api";
import { describeError } from "./describe-error";
import type { NoticeMessage } from "./notice";

export type FieldErrors = Record<string, string[]>;

/** Field errors of a problem+json answer, by field name (`errors[].field`). */
function errorsByField(problems: FieldProblem[]): FieldErrors {
  const byField: FieldErrors = {};
  for (const { field, message } of problems) byField[field] = [...(byField[field] ?? []), message];
  return byField;
}

/**
 * What a client form or action button keeps around its calls to the API: whether one is
 * running (`pending`), what happened (`notice`, for <Notice>) and the API's complaints by field
 * (`fieldErrors`). docs/decisions.md says why this is not React's useActionState.
 */
export function useApiAction() {
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  /** Forgets the last outcome, e.g. when a form is opened again. */
  function clear() {
    setNotice(null);
    setFieldErrors({});
  }

  /** Refuses without calling the API: the browser already knows these fields are wrong. */
  function reject(errors: FieldErrors) {
    setNotice(null);
    setFieldErrors(errors);
  }

  /**
   * Runs `call`; a text it answers is the success notice (anything else: no notice). A failure
   * becomes the error notice and the field errors; with `errorField`, that field's error alone,
   * for a control whose message belongs next to its input. Resolves whether the call succeeded.
   */
  async function run(
    call: () => Promise<unknown>,
    { errorField }: { errorField?: string } = {},
  ): Promise<boolean> {
    clear();
    setPending(true);
    try {
      const answer = await call();
      if (typeof answer === "string") setNotice({ tone: "success", text: answer });
      return true;
    } catch (error) {
      const text = describeError(error);
      if (errorField) {
        setFieldErrors({ [errorField]: [text] });
      } else {
        if (error instanceof ApiError) setFieldErrors(errorsByField(error.fieldErrors));
        setNotice({ tone: "error", text });
      }
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, notice, fieldErrors, run, reject, clear };
}

export type ApiAction = ReturnType<typeof useApiAction>;
