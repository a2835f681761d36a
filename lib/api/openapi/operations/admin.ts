// Admin only. Everyone else gets 404 from these paths: the admin surface is not advertised to them.
import { z } from "zod";
import {
  CompanyInputSchema,
  CompanyPatchSchema,
  GroupNameSchema,
  UserPatchSchema,
} from "../../../admin/schemas";
import { PathIdSchema } from "../../../http/params";
import { AdminListQuery } from "../../v1-inputs";
import { AdminCompanyPageSchema, AdminCompanySchema, UserPageSchema, UserSchema } from "../../v1-schemas";
import type { Operation } from "../operation";
import { NO_CONTENT } from "./shared";

const TAGS = ["Admin"];
const CompanyIdParams = z.object({ id: PathIdSchema.describe("The company's id") });
const UserIdParams = z.object({ id: PathIdSchema.describe("The user's id") });
const MembershipParams = z.object({
  name: GroupNameSchema.describe(
    "The group; `company_{id}` makes its members that company's representatives",
  ),
  user_id: PathIdSchema.describe("The user's id"),
});
const PAGING = "Ordered by id; pass the last id of a page as `after_id` for the next one.";

export const adminOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/admin/companies",
    operationId: "adminListCompanies",
    summary: "All companies",
    description: PAGING,
    tags: TAGS,
    access: "admin",
    query: AdminListQuery,
    responses: { 200: { description: "A page of companies.", schema: AdminCompanyPageSchema } },
  },
  {
    method: "post",
    path: "/api/v1/admin/companies",
    operationId: "adminCreateCompany",
    summary: "Create a company",
    tags: TAGS,
    access: "admin",
    body: CompanyInputSchema,
    responses: { 201: { description: "The new company.", schema: AdminCompanySchema } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/companies/{id}",
    operationId: "adminUpdateCompany",
    summary: "Rename a company or change its description",
    description: "Only the fields given change; give at least one.",
    tags: TAGS,
    access: "admin",
    params: CompanyIdParams,
    body: CompanyPatchSchema,
    responses: { 200: { description: "The company after the change.", schema: AdminCompanySchema } },
  },
  {
    method: "get",
    path: "/api/v1/admin/users",
    operationId: "adminListUsers",
    summary: "Users, with their company links and admin flag",
    description: `\`q\` searches emails and names. ${PAGING}`,
    tags: TAGS,
    access: "admin",
    query: AdminListQuery,
    responses: { 200: { description: "A page of users.", schema: UserPageSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/admin/users/{id}",
    operationId: "adminUpdateUser",
    summary: "Link a representative to a company, or grant admin",
    description: "`company_id` links the user directly (null unlinks); `is_admin` grants or revokes admin.",
    tags: TAGS,
    access: "admin",
    params: UserIdParams,
    body: UserPatchSchema,
    responses: { 200: { description: "The user after the change.", schema: UserSchema } },
  },
  {
    method: "put",
    path: "/api/v1/admin/groups/{name}/members/{user_id}",
    operationId: "adminAddGroupMember",
    summary: "Add a user to a group",
    description: "Creates the group if needed. Adding a member twice is harmless (204).",
    tags: TAGS,
    access: "admin",
    params: MembershipParams,
    responses: { 201: { description: "Added." }, 204: { description: "Was a member already." } },
    errors: { 422: "The group name has characters other than letters, digits and `_ . @ + -`." },
  },
  {
    method: "delete",
    path: "/api/v1/admin/groups/{name}/members/{user_id}",
    operationId: "adminRemoveGroupMember",
    summary: "Remove a user from a group",
    tags: TAGS,
    access: "admin",
    params: MembershipParams,
    responses: { 204: NO_CONTENT },
    errors: { 422: "The group name has characters other than letters, digits and `_ . @ + -`." },
  },
];
