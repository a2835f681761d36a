import type { Actor } from "../lib/auth/actor";

/**
 * The operator at a shell on the server, as Django's `manage.py shell` was: trusted by being
 * able to run commands here, so lib/admin functions run with admin rights. User id 0 matches
 * no row, so nothing can be attributed to it by mistake.
 */
export const operatorActor: Actor = {
  userId: 0,
  email: "operator@localhost",
  name: "Operator",
  isAdmin: true,
  companyIds: [],
  directCompany: null,
};
