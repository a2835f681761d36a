// Signing up, tokens, and the caller's own account.
import { PasswordChangeBody, RefreshBody, RegisterBody, TokenBody } from "../../v1-inputs";
import { MePatchSchema, MeSchema, TokenSchema, UserSchema } from "../../v1-schemas";
import type { Operation } from "../operation";
import { NO_CONTENT } from "./shared";

const TOKEN_HELP =
  "Send the access token as `Authorization: Bearer <access_token>`. Access tokens last " +
  "`expires_in` seconds; the refresh token gets new ones from POST /api/v1/auth/refresh.";

export const authOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/auth/register",
    operationId: "register",
    summary: "Create an account",
    description: "Emails are compared case-insensitively and stored lower-cased.",
    tags: ["Authentication"],
    access: "public",
    body: RegisterBody,
    responses: { 201: { description: "The new user.", schema: UserSchema } },
    errors: { 409: "An account with this email already exists." },
  },
  {
    method: "post",
    path: "/api/v1/auth/token",
    operationId: "createToken",
    summary: "Get a bearer token pair with email and password",
    description: `Each pair is bound to a new session that POST /api/v1/auth/revoke ends. ${TOKEN_HELP}`,
    tags: ["Authentication"],
    access: "public",
    body: TokenBody,
    responses: { 200: { description: "A new token pair.", schema: TokenSchema } },
    errors: {
      401: "No account matches this email and password.",
      429: "Too many failed sign-ins: for this email (by default locked after 5, for 1 s doubling with each further failure, at most 15 minutes; a success clears them) or from this address (by default 100 an hour). Retry-After says when.",
    },
  },
  {
    method: "post",
    path: "/api/v1/auth/refresh",
    operationId: "refreshToken",
    summary: "Get a new access token with a refresh token",
    tags: ["Authentication"],
    access: "public",
    body: RefreshBody,
    responses: {
      200: {
        description: "A new access token; the refresh token is returned unchanged.",
        schema: TokenSchema,
      },
    },
    errors: {
      401: "The refresh token is invalid, expired or revoked.",
      429: "Too many failed sign-ins and refreshes from this address (by default 100 an hour). Retry-After says when.",
    },
  },
  {
    method: "post",
    path: "/api/v1/auth/revoke",
    operationId: "revokeToken",
    summary: "Sign this token (or browser session) out",
    description: "Its access and refresh tokens stop working at once.",
    tags: ["Authentication"],
    access: "person",
    responses: { 204: NO_CONTENT },
  },
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    summary: "Who am I",
    description: "Includes the companies the caller represents, by direct link or `company_{id}` group.",
    tags: ["Account"],
    access: "person",
    responses: {
      200: { description: "The caller, and whether routing gives them new chats.", schema: MeSchema },
    },
  },
  {
    method: "patch",
    path: "/api/v1/me",
    operationId: "setMyAvailability",
    summary: "Mark myself available or away",
    description: "Away: routing gives you no new chats until you are back; the chats you hold stay yours.",
    tags: ["Account"],
    access: "person",
    body: MePatchSchema.meta({ examples: [{ availability: "away" }] }),
    responses: { 200: { description: "The caller after the change.", schema: MeSchema } },
  },
  {
    method: "post",
    path: "/api/v1/me/password",
    operationId: "changePassword",
    summary: "Change my password",
    description: "Every other session and token of the user is revoked; this one keeps working.",
    tags: ["Account"],
    access: "person",
    body: PasswordChangeBody,
    responses: { 204: NO_CONTENT },
  },
];
