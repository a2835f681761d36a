import "server-only";
import { type Actor, actorFromUserRow, actorUserSelect } from "../auth/actor";
import { decoyHash, hashPassword, verifyPassword } from "../auth/password";
import { revokeAllAuthSessions } from "../auth/sessions";
import { db } from "../db/client";
import { AppError, isUniqueViolation } from "../errors";
import type { RegisterInput } from "./schemas";

export async function registerUser(input: RegisterInput): Promise<Actor> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db().user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: actorUserSelect,
    });
    return actorFromUserRow(user);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this email already exists.", [
        { field: "email", message: "An account with this email already exists." },
      ]);
    }
    throw error;
  }
}

/** The actor for a correct email and password, or null. Unknown emails cost the same time. */
export async function verifyCredentials(email: string, password: string): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...actorUserSelect, passwordHash: true },
  });
  // A contact a lead created has no password yet: refused like an unknown email, in the same time.
  if (!user?.passwordHash) {
    await verifyPassword(password, await decoyHash());
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? actorFromUserRow(user) : null;
}

/** Changes the password and signs every other session out. */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId?: string },
): Promise<void> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true },
  });
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("validation_failed", "The current password is not correct.", [
      { field: "current_password", message: "The current password is not correct." },
    ]);
  }
  await db().user.update({
    where: { id: actor.userId },
    data: { passwordHash: await hashPassword(input.newPassword) },
  });
  await revokeAllAuthSessions(actor.userId, input.keepSessionId);
}
