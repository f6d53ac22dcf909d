'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

type Tab = { href: string; label: string; exact?: boolean; /** Query parameters this tab keeps from the current page (e.g. the period and live/test data). */ carry?: string[] };

/** A row of section links; the current one is marked with aria-current. */
export function NavTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const hrefOf = (t: Tab) => {
    const kept = new URLSearchParams();
    for (const name of t.carry ?? []) {
      const value = search.get(name);
      if (value) kept.set(name, value);
    }
    return kept.size ? `${t.href}?${kept}` : t.href;
  };
  // The longest matching prefix wins, so /settings/integrations does not also light up /settings.
  const active = tabs
    .filter((t) => (t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-gray-200 dark:border-gray-800">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={hrefOf(t)}
          aria-current={t === active ? 'page' : undefined}
          className="border-b-2 border-transparent px-3 py-2 text-sm text-gray-600 hover:text-gray-900 aria-[current=page]:border-indigo-600 aria-[current=page]:font-medium aria-[current=page]:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100 dark:aria-[current=page]:text-gray-100"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
