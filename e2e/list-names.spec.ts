// The check that controls in a list name their item (support/list-names.ts), on markup made
// for it: it must find what it is for, and leave alone what is fine.
import { expect, test } from "./support/fixtures";
import { controlsInSnapshot, findRepeatedNamesInLists } from "./support/list-names";

test("repeated names are found in lists, tables and sibling cards; named items pass", async ({ page }) => {
  await page.setContent(`
    <ul aria-label="Companies">
      <li><article aria-label="Harbor Homes"><button>Start chat</button></article></li>
      <li><article aria-label="Meadow Estates"><button>Start chat</button></article></li>
    </ul>
    <ul aria-label="Named">
      <li><button>Start chat <span style="position:absolute;clip:rect(0 0 0 0)">with Harbor Homes</span></button></li>
      <li><button aria-label="Start chat with Meadow Estates">Start chat</button></li>
      <li><label>Company link <select><option>None</option></select></label></li>
      <li><label>Company link for Ann <select><option>None</option></select></label></li>
    </ul>
    <ol aria-label="Fields">
      <li><label>Group <input></label></li>
      <li><label>Group <input></label></li>
    </ol>
    <table aria-label="Keys">
      <tr><td>CRM</td><td><button>Revoke</button></td></tr>
      <tr><td>Portal</td><td><button>Revoke</button></td></tr>
    </table>
    <ul aria-label="Links">
      <li><a href="/docs#chat">Chat</a></li>
      <li><a href="/docs#chat">Chat</a></li>
      <li><a href="/a">Open: the first</a></li>
      <li><a href="/b">Open: the first</a></li>
    </ul>
    <div>
      <section aria-label="Personal keys"><button>Show more</button></section>
      <section aria-label="Company keys"><button>Show more</button></section>
      <form aria-label="New key"><button>Show more</button></form>
    </div>
    <ul aria-label="Hidden twice"><li style="display:none"><button>Edit</button></li><li><button>Edit</button></li></ul>
  `);
  expect((await findRepeatedNamesInLists(page)).sort()).toEqual(
    [
      'list "Companies": Start chat',
      'list "Fields": Group',
      'list "Links": Open: the first',
      'table "Keys": Revoke',
      'region "Personal keys", region "Company keys": Show more',
    ].sort(),
  );
});

test("names are read back exactly, whatever quoting the snapshot needs", () => {
  const snapshot = [
    '- list "Odd names":',
    "  - listitem:",
    `    - 'button "Save: it''s \\"done\\"" [disabled]'`,
    '    - link "#1 \\\\ home":',
    '      - /url: "#top"',
    '    - combobox "Company":',
    '      - option "A" [selected]',
    '    - textbox "Message"',
    "      - /placeholder: Write a message…",
    "    - text: Open",
    "    - button",
  ].join("\n");
  expect(controlsInSnapshot(snapshot)).toEqual([
    { role: "button", name: `Save: it's "done"` },
    { role: "link", name: "#1 \\ home", url: "#top" },
    { role: "combobox", name: "Company" },
    { role: "textbox", name: "Message" },
    { role: "button", name: "" },
  ]);
});
