// A company's routing and business-hours settings. Read and changed by its representatives and
// by admins (naming the company with ?company_id= when they answer for several).
import "server-only";
import type { Actor } from "../auth/actor";
import { companyForActor } from "../companies/company-for-actor";
import { db, type Prisma } from "../db/client";
import type { RoutingPolicy } from "../generated/prisma/enums";
import type { BusinessHours, RoutingSettingsPatch } from "./schemas";

export type RoutingSettings = {
  companyId: number;
  routing: RoutingPolicy;
  maxOpenPerRep: number | null;
  reassignAfterMinutes: number | null;
  timezone: string;
  /** Null: always open. */
  businessHours: BusinessHours | null;
  awayMessage: string | null;
};

const settingsSelect = {
  companyId: true,
  routing: true,
  maxOpenPerRep: true,
  reassignAfterMinutes: true,
  timezone: true,
  businessHours: true,
  awayMessage: true,
} satisfies Prisma.CompanySettingsSelect;

/** A company that never saved settings routes by hand and is always open. */
const defaults = (companyId: number): RoutingSettings => ({
  companyId,
  routing: "manual",
  maxOpenPerRep: null,
  reassignAfterMinutes: null,
  timezone: "UTC",
  businessHours: null,
  awayMessage: null,
});

type SettingsRow = Prisma.CompanySettingsGetPayload<{ select: typeof settingsSelect }>;
const settingsOf = (row: SettingsRow): RoutingSettings => ({
  ...row,
  businessHours: (row.businessHours as BusinessHours | null) ?? null,
});

export async function getRoutingSettings(actor: Actor, companyId?: number): Promise<RoutingSettings> {
  const id = companyForActor(actor, companyId);
  const row = await db().companySettings.findUnique({ where: { companyId: id }, select: settingsSelect });
  return row ? settingsOf(row) : defaults(id);
}

/** Changes only the fields sent; one upsert, so nothing is half-saved. */
export async function updateRoutingSettings(
  actor: Actor,
  input: { companyId?: number; patch: RoutingSettingsPatch },
): Promise<RoutingSettings> {
  const id = companyForActor(actor, input.companyId);
  const { patch } = input;
  const data = {
    routing: patch.routing,
    maxOpenPerRep: patch.max_open_per_rep,
    reassignAfterMinutes: patch.reassign_after_minutes,
    timezone: patch.timezone,
    businessHours: patch.business_hours === null ? ("DbNull" as const) : patch.business_hours,
    awayMessage: patch.away_message,
  };
  const row = await db().companySettings.upsert({
    where: { companyId: id },
    create: { companyId: id, ...data },
    update: data,
    select: settingsSelect,
  });
  return settingsOf(row);
}
