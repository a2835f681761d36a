// Request schemas of the compatibility API, with DRF's messages where the original's clients
// saw DRF validate ("This field is required."), and the domain's rules underneath.
import { z } from "zod";
import { EmailSchema, NameSchema, PasswordSchema } from "../accounts/schemas";
import { ContentSchema } from "../messages/schemas";

/** DRF's messages for a missing, null or mistyped field. */
const drfTypeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined
    ? "This field is required."
    : issue.input === null
      ? "This field may not be null."
      : expected;

// DRF's CharField refused NUL characters, and PostgreSQL cannot store them in text: without
// this check they would reach the database and fail there.
const NUL_MESSAGE = "Null characters are not allowed.";
const withoutNul = (value: string) => !value.includes("\0");

const drfString = (max: number) =>
  z
    .string({ error: drfTypeError("Not a valid string.") })
    .refine(withoutNul, NUL_MESSAGE)
    .min(1, "This field may not be blank.")
    .max(max, `Ensure this field has no more than ${max} characters.`);

const drfObject = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape, { error: "Invalid data. Expected a dictionary." });

export const LoginBody = drfObject({ email: drfString(254), password: drfString(256) });

export const RefreshBody = drfObject({ refresh: drfString(4096) });

export const RegisterBody = drfObject({
  email: drfString(254).pipe(EmailSchema),
  username: drfString(150).pipe(NameSchema),
  password: drfString(256).pipe(PasswordSchema),
  password2: drfString(256),
}).refine((body) => body.password === body.password2, {
  message: "Password fields didn't match.",
  path: ["password"],
});

const PYTHON_TYPE: Record<string, string> = {
  string: "str",
  boolean: "bool",
  object: "dict",
  number: "float",
};

/** A primary key as DRF's PrimaryKeyRelatedField took it: an integer, or digits in a string. */
export const CompanyPkSchema = z.unknown().transform((value, context): number => {
  if (value === undefined || value === null) {
    context.addIssue({ code: "custom", message: drfTypeError("")({ input: value }) });
    return z.NEVER;
  }
  const pk = typeof value === "string" && /^\s*\d{1,10}\s*$/.test(value) ? Number(value) : value;
  if (typeof pk === "number" && Number.isSafeInteger(pk)) {
    if (pk >= 1 && pk <= 2_147_483_647) return pk;
    context.addIssue({ code: "custom", message: invalidPk(value) });
    return z.NEVER;
  }
  const type = Array.isArray(value) ? "list" : (PYTHON_TYPE[typeof value] ?? typeof value);
  context.addIssue({ code: "custom", message: `Incorrect type. Expected pk value, received ${type}.` });
  return z.NEVER;
});

export const invalidPk = (value: unknown) => `Invalid pk "${String(value)}" - object does not exist.`;

export const CreateChatBody = drfObject({ company: CompanyPkSchema });

const CONTENT_REQUIRED = "Message content is required";

/** Message text: the original's check (present, not empty) and then the domain's (trimmed, bounded). */
const CompatContentSchema = z
  .string({ error: CONTENT_REQUIRED })
  .min(1, CONTENT_REQUIRED)
  .refine(withoutNul, NUL_MESSAGE)
  .pipe(ContentSchema);

export const SendBody = z.object({ content: CompatContentSchema }, { error: CONTENT_REQUIRED });

/** `start/`: content is optional; absent, null or "" sends nothing, as in the original. */
export const StartChatBody = z.object(
  {
    content: z.preprocess(
      (value) => (value === null || value === "" ? undefined : value),
      CompatContentSchema.optional(),
    ),
  },
  { error: CONTENT_REQUIRED },
);
