// `npm run admin -- <command>`: the operator's shell for managing companies, representatives
// and admins, as Django's shell and admin commands were. Whoever can run this on the server is
// trusted, so lib/admin functions run as the operator actor (see operator.ts).
import { parseArgs } from "node:util";
import { z } from "zod";
import { RegisterInputSchema } from "../lib/accounts/schemas";
import { registerUser } from "../lib/accounts/users";
import { createCompany, listCompaniesForAdmin } from "../lib/admin/companies";
import { addGroupMember, removeGroupMember } from "../lib/admin/groups";
import { CompanyInputSchema, GroupNameSchema } from "../lib/admin/schemas";
import { findUserIdByEmail, updateUserAccess } from "../lib/admin/users";
import { closeDatabase } from "../lib/db/client";
import { env } from "../lib/env";
import { AppError } from "../lib/errors";
import { operatorActor } from "./operator";
import { assertSchemaDeployed } from "./schema-check";

const USAGE = `usage: npm run admin -- <command> [arguments]

  create-company <name> [--description <text>]
  list-companies
  link-rep <email> <companyId>        represent a company through the user's own link
  unlink-rep <email>
  add-to-group <email> <groupName>    e.g. company_3 to represent company 3
  remove-from-group <email> <groupName>
  make-admin <email>
  revoke-admin <email>
  create-user <email> <name> <password> [--admin]

Uses the database the server uses: DATABASE_URL, or the embedded one in DATA_DIR (.data).
With the embedded database, STOP THE SERVER FIRST: two processes on one PGlite directory
silently lose each other's writes.`;

class UsageError extends Error {}

function companyIdArg(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1)
    throw new UsageError(`companyId must be a positive integer, not "${value}"`);
  return id;
}

async function userIdByEmail(email: string): Promise<number> {
  const id = await findUserIdByEmail(email);
  if (id === null) throw new Error(`No user with email ${email}.`);
  return id;
}

type Command = { args: number; run(args: string[], flags: Flags): Promise<string> };
type Flags = { description?: string; admin?: boolean };

const commands: Record<string, Command> = {
  "create-company": {
    args: 1,
    async run([name], flags) {
      const input = CompanyInputSchema.parse({ name, description: flags.description });
      const company = await createCompany(operatorActor, input);
      return `created company ${company.id}: ${company.name}`;
    },
  },
  "list-companies": {
    args: 0,
    async run() {
      const lines = [];
      for (let afterId: number | undefined; ; ) {
        const page = await listCompaniesForAdmin(operatorActor, { limit: 100, afterId });
        for (const c of page) {
          lines.push(
            `${c.id}\t${c.name}\t${c._count.representatives} direct rep(s)\t${c._count.chats} chat(s)`,
          );
        }
        if (page.length < 100) break;
        afterId = page.at(-1)?.id;
      }
      return lines.length ? `id\tname\n${lines.join("\n")}` : "no companies";
    },
  },
  "link-rep": {
    args: 2,
    async run([email = "", companyId]) {
      const id = companyIdArg(companyId);
      const actor = await updateUserAccess(operatorActor, await userIdByEmail(email), { companyId: id });
      return `${actor.email} now represents ${actor.directCompany?.name} (company ${actor.directCompany?.id})`;
    },
  },
  "unlink-rep": {
    args: 1,
    async run([email = ""]) {
      await updateUserAccess(operatorActor, await userIdByEmail(email), { companyId: null });
      return `${email} has no direct company link (group memberships are unchanged)`;
    },
  },
  "add-to-group": {
    args: 2,
    async run([email = "", group]) {
      const name = GroupNameSchema.parse(group);
      const { created } = await addGroupMember(operatorActor, name, await userIdByEmail(email));
      return created ? `added ${email} to ${name}` : `${email} was already in ${name}`;
    },
  },
  "remove-from-group": {
    args: 2,
    async run([email = "", group]) {
      const name = GroupNameSchema.parse(group);
      await removeGroupMember(operatorActor, name, await userIdByEmail(email));
      return `removed ${email} from ${name}`;
    },
  },
  "make-admin": {
    args: 1,
    async run([email = ""]) {
      await updateUserAccess(operatorActor, await userIdByEmail(email), { isAdmin: true });
      return `${email} is an admin`;
    },
  },
  "revoke-admin": {
    args: 1,
    async run([email = ""]) {
      await updateUserAccess(operatorActor, await userIdByEmail(email), { isAdmin: false });
      return `${email} is no longer an admin`;
    },
  },
  "create-user": {
    args: 3,
    async run([email, name, password], flags) {
      const user = await registerUser(RegisterInputSchema.parse({ email, name, password }));
      if (flags.admin) await updateUserAccess(operatorActor, user.userId, { isAdmin: true });
      return `created user ${user.userId}: ${user.email}${flags.admin ? " (admin)" : ""}`;
    },
  },
};

function parseCommandLine(argv: string[]): { command: Command; args: string[]; flags: Flags } {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { description: { type: "string" }, admin: { type: "boolean" } },
  });
  const [name = "", ...args] = positionals;
  const command = commands[name];
  if (!command) throw new UsageError(name ? `unknown command "${name}"` : "no command given");
  if (args.length !== command.args) throw new UsageError(`${name} takes ${command.args} argument(s)`);
  return { command, args, flags: values };
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    return [error.message, ...error.fieldIssues.map((issue) => `  ${issue.field}: ${issue.message}`)].join(
      "\n",
    );
  }
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => `${issue.path.join(".") || "value"}: ${issue.message}`).join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    // parseArgs throws plain TypeErrors for unknown options: those are usage errors too.
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  try {
    if (env.embedded) console.error(`(embedded database ${env.PGLITE_DIR}: the server must not be running)`);
    await assertSchemaDeployed();
    console.log(await parsed.command.run(parsed.args, parsed.flags));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`error: ${describeError(error)}`);
    return 1;
  } finally {
    await closeDatabase();
  }
}

// pg may leave pooled sockets and timers behind; every write is committed by now.
process.exit(await main());
