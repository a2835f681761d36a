"use client";

import { usePathname } from "next/navigation";
import { currentFor, NavLink } from "../nav/nav-link";

const SECTIONS = [
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/webhooks", label: "Webhooks" },
];

/** The settings sections, marked current for screen readers as the main navigation does. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings">
      <ul className="flex gap-1 md:flex-col">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <NavLink href={section.href} current={currentFor(pathname, section.href)}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
