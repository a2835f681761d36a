import { secondaryButton, selectInput } from "@/components/ui/styles";

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
        <select id="webhooks-company" name="company" defaultValue={selectedId} className={selectInput}>
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
