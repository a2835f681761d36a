"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { type RegisterFormState, registerAccount } from "./actions";

export function RegisterForm() {
  const [state, action] = useActionState<RegisterFormState, FormData>(registerAccount, {});
  return (
    <form action={action} noValidate className="space-y-4">
      <Notice message={state.formError ? { tone: "error", text: state.formError } : null} />
      <FormField
        name="name"
        label="Name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        errors={state.fieldErrors?.password}
      />
      <SubmitButton wide pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
