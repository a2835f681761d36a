"use client";

import useSWR from "swr";
import type { ApiPage } from "@/lib/api/v1-types";
import { type ApiError, apiFetch } from "@/lib/client/api";
import type { ApiAdminCompany } from "./types";

type Choice = { id: number; name: string };

const PAGE = 100;
// A select past this many companies needs a search instead; until then, every company is a choice.
const MAX_PAGES = 20;

const byName = (choices: Choice[]) =>
  [...choices].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
const toChoices = (companies: ApiAdminCompany[]) => byName(companies.map(({ id, name }) => ({ id, name })));

/**
 * Every company, by name, for the "Company link" select and the group suggestions: the list on
 * the page shows only the pages loaded so far, but a new company must be linkable at once.
 */
export function useCompanyChoices(firstPage: ApiPage<ApiAdminCompany>) {
  return useSWR<Choice[], ApiError>(
    "admin:company-choices",
    async () => {
      const companies: ApiAdminCompany[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query: string = cursor ? `&after_id=${encodeURIComponent(cursor)}` : "";
        const answer: ApiPage<ApiAdminCompany> = await apiFetch(
          `/api/v1/admin/companies?limit=${PAGE}${query}`,
        );
        companies.push(...answer.data);
        cursor = answer.next_cursor;
        if (!cursor) break;
      }
      return toChoices(companies);
    },
    { fallbackData: toChoices(firstPage.data), revalidateOnFocus: true },
  );
}
