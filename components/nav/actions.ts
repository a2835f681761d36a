"use server";

import { signOut } from "@/auth";

/** Ends the browser session (Auth.js revokes its auth_sessions row) and goes to the start page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
