// Controls that act on one item of a list must say which item: a screen reader lists them by
// name, and voice control and "find by name" pick them by name. This check finds lists on a
// page whose controls repeat a name ("Start chat", "Start chat", …).
//
// What counts as a list here: whatever a screen reader announces as a set of items,
//   - role list (ul, ol, role=list), table, grid, treegrid and feed; all the controls inside one,
//     nested lists and cards included, are compared with each other, as a person moving through
//     the list meets them all;
//   - repeated cards outside such markup: two or more sibling articles, or two or more sibling
//     named regions (<section aria-labelledby>), e.g. one section of keys per owner; the controls
//     of all the siblings are compared.
// A control is an element with an interactive role (below). Options of a select are choices of
// one named control, not controls of their own. Two links with one name and one address go to
// the same place and are not ambiguous. Controls without a name are axe's to report.
// Names are Playwright's (the accessibility tree of `ariaSnapshot()`), so they are the names the
// page objects find controls by. <summary> has no role in that tree, so it is not checked here.
import { expect, type Locator, type Page } from "@playwright/test";

const LIST_ROLES = ["list", "table", "grid", "treegrid", "feed"] as const;
const CARD_ROLES = ["article", "region"] as const;
const CONTROL_ROLES = new Set([
  "button",
  "link",
  "textbox",
  "searchbox",
  "combobox",
  "listbox",
  "checkbox",
  "radio",
  "switch",
  "slider",
  "spinbutton",
  "menuitem",
  "menuitemcheckbox",
  "menuitemradio",
  "tab",
  "treeitem",
]);

export type Control = { role: string; name: string; url?: string };

/** A YAML double-quoted scalar as the snapshot writes it (JSON's escapes, plus \xNN). */
const unquote = (quoted: string): string =>
  JSON.parse(quoted.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => `\\u00${hex}`)) as string;

/**
 * The controls in an aria snapshot, in order. Each node is one line, `- role "name" [state]`,
 * optionally followed by `: text`; a key that needs it is YAML single-quoted as a whole. A link's
 * address is the `- /url: …` line under it; other such properties (`/placeholder: …`) are skipped.
 */
export function controlsInSnapshot(snapshot: string): Control[] {
  const controls: Control[] = [];
  let lastLink: Control | undefined;
  for (const line of snapshot.split("\n")) {
    const item = /^\s*- (.*)$/.exec(line)?.[1];
    if (item === undefined) continue;
    // A property of the node above (`/url: …` of a link, `/placeholder: …` of a textbox).
    const property = /^\/([a-z]+): (.*)$/.exec(item);
    if (property) {
      const [, name, value = ""] = property;
      if (name === "url" && lastLink) lastLink.url = value.startsWith('"') ? unquote(value) : value;
      continue;
    }
    lastLink = undefined;
    const key = item.startsWith("'")
      ? /^'((?:[^']|'')*)'/.exec(item)?.[1]?.replaceAll("''", "'")
      : item.replace(/:(?: .*)?$/, "");
    const node = key && /^([a-z]+)(?: ("(?:[^"\\]|\\.)*"))?/.exec(key);
    if (!node) throw new Error(`Unreadable aria snapshot line: ${line}`);
    const [, role = "", name] = node;
    if (!CONTROL_ROLES.has(role)) continue;
    const control: Control = { role, name: name ? unquote(name) : "" };
    controls.push(control);
    if (role === "link") lastLink = control;
  }
  return controls;
}

/** Names given to two or more controls that do not simply lead to the same place. */
export function repeatedNames(controls: Control[]): string[] {
  const targets = new Map<string, Set<string>>();
  controls.forEach(({ role, name, url }, index) => {
    if (!name) return;
    // Links with one address are one target; any other control is a target of its own.
    const target = role === "link" && url !== undefined ? `url ${url}` : `#${index}`;
    targets.set(name, (targets.get(name) ?? new Set()).add(target));
  });
  return [...targets].filter(([, each]) => each.size > 1).map(([name]) => name);
}

/** The first line of a container's snapshot says which list it is ("list \"Companies\""). */
async function titleOf(container: Locator): Promise<string> {
  const snapshot = await container.ariaSnapshot({ depth: 1 });
  return snapshot.split("\n")[0]?.replace(/^- /, "").replace(/:$/, "") ?? "?";
}

async function controlsOf(parts: Locator[]): Promise<Control[]> {
  const snapshots = await Promise.all(parts.map((part) => part.ariaSnapshot()));
  return snapshots.flatMap(controlsInSnapshot);
}

/** Sibling cards of one role, grouped by their parent element; only groups of two or more. */
async function repeatedCards(page: Page, role: (typeof CARD_ROLES)[number]): Promise<Locator[][]> {
  const cards = page.getByRole(role);
  const parentOf = await cards.evaluateAll((elements) => {
    const parents = new Map<Element | null, number>();
    return elements.map((element) => {
      if (!parents.has(element.parentElement)) parents.set(element.parentElement, parents.size);
      return parents.get(element.parentElement) ?? -1;
    });
  });
  const groups = new Map<number, Locator[]>();
  parentOf.forEach((parent, index) => {
    groups.set(parent, [...(groups.get(parent) ?? []), cards.nth(index)]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/** Each list on the page whose controls repeat a name, with those names. */
export async function findRepeatedNamesInLists(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const role of LIST_ROLES) {
    for (const list of await page.getByRole(role).all()) {
      const repeated = repeatedNames(await controlsOf([list]));
      if (repeated.length) problems.push(`${await titleOf(list)}: ${repeated.join(" | ")}`);
    }
  }
  for (const role of CARD_ROLES) {
    for (const group of await repeatedCards(page, role)) {
      const repeated = repeatedNames(await controlsOf(group));
      if (repeated.length) {
        const names = await Promise.all(group.map(titleOf));
        problems.push(`${names.join(", ")}: ${repeated.join(" | ")}`);
      }
    }
  }
  return problems;
}

/** No list on the page has two controls of the same name (see the top of this file). */
export async function expectDistinctNamesInLists(page: Page, label: string): Promise<void> {
  expect.soft(await findRepeatedNamesInLists(page), `repeated control names in lists: ${label}`).toEqual([]);
}
