// The shape of every error answer of /api/v1 (RFC 9457 problem details). lib/http/errors.ts
// types its answers with it, and the OpenAPI document publishes it as the `Problem` schema.
import { z } from "zod";

export const FieldIssueSchema = z.object({
  field: z.string().describe("The field at fault, dotted for nested ones (`body` for the whole body)"),
  message: z.string(),
});

export const ProblemSchema = z.object({
  type: z.string().describe("A URI naming the kind of problem, e.g. …/problems/validation-failed"),
  title: z.string().describe("Short, the same for every problem of this type"),
  status: z.number().int().describe("The HTTP status, repeated"),
  detail: z.string().describe("What went wrong this time, in words"),
  errors: z.array(FieldIssueSchema).optional().describe("One entry per invalid field (422)"),
  request_id: z.string().describe("Also in the X-Request-Id header: quote it when reporting a problem"),
});
export type Problem = z.infer<typeof ProblemSchema>;
