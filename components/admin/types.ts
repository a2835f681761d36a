import type { z } from "zod";
import type { AdminCompanySchema } from "@/lib/api/v1-schemas";

/** A company as the admin API answers it (types only: no schema code reaches the browser). */
export type ApiAdminCompany = z.infer<typeof AdminCompanySchema>;
