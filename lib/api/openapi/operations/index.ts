// Every documented operation of /api/v1, one file per area. A new area is one import and one
// spread here; tests/http/openapi.test.ts fails until every route file is described.
import type { Operation } from "../operation";
import { adminOperations } from "./admin";
import { apiKeyOperations } from "./api-keys";
import { authOperations } from "./auth";
import { chatOperations } from "./chats";
import { companyOperations } from "./company";
import { listingOperations } from "./listings";
import { miscOperations } from "./misc";
import { routingOperations } from "./routing";
import { webhookOperations } from "./webhooks";

export const operations: Operation[] = [
  ...authOperations,
  ...chatOperations,
  ...companyOperations,
  ...listingOperations,
  ...routingOperations,
  ...adminOperations,
  ...miscOperations,
  ...apiKeyOperations,
  ...webhookOperations,
];
