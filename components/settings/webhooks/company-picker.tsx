import { focusRing, secondaryButton } from "@/components/lists/styles";

const selectClass = `block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${focusRing}`;

/** Which company's webhooks to show: a plain GET form, so it works before (and without) JavaScript. */
export function CompanyPicker({
  companies,
  selectedId,
}: {
  companies: { id: number; name: string }[];
  selectedId: number;
}) {
  return (
    <form
      action="/settings/webhooks"
      method="get"
      aria-label="Choose a company"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="min-w-[16rem] space-y-1">
        <label htmlFor="webhooks-company" className="block text-sm font-medium">
          Company
        </label>
        <select id="webhooks-company" name="company" defaultValue={selectedId} className={selectClass}>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={secondaryButton}>
        Show
      </button>
    </form>
  );
}
