"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { type SignInFormState, signInWithPassword } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<SignInFormState, FormData>(signInWithPassword, {});
  return (
    <form action={action} noValidate className="space-y-4">
      <Notice message={state.formError ? { tone: "error", text: state.formError } : null} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
        errors={state.fieldErrors?.email}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton wide pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
