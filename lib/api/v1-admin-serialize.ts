import type { z } from "zod";
import type { AdminCompanySchema } from "./v1-schemas";

type CompanyRow = { id: number; name: string; description: string; createdAt: Date; updatedAt: Date };

export const toAdminCompany = (company: CompanyRow): z.input<typeof AdminCompanySchema> => ({
  id: company.id,
  name: company.name,
  description: company.description,
  created_at: company.createdAt.toISOString(),
  updated_at: company.updatedAt.toISOString(),
});
