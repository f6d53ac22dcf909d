'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { cn } from './cn';

export type NavTab = { href: string; label: string; exact?: boolean; /** Query parameters this tab keeps from the current page (e.g. the period and live/test data). */ carry?: string[] };

/** A row of section links; the current one is marked with aria-current. Scrolls sideways on narrow screens. */
export function NavTabs({ label, tabs }: { label: string; tabs: NavTab[] }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const hrefOf = (t: NavTab) => {
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
    <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto [scrollbar-width:none]" data-scroll-container="">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={hrefOf(t)}
          aria-current={t === active ? 'page' : undefined}
          className={cn(
            'relative whitespace-nowrap rounded-md px-3 pb-3 pt-2 text-sm text-muted transition-colors hover:text-fg',
            'after:absolute after:inset-x-2 after:bottom-0 after:h-0.5 after:rounded-full after:bg-transparent aria-[current=page]:font-medium aria-[current=page]:text-fg aria-[current=page]:after:bg-accent',
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

/** Links that pick one of a few views of a list (All / Attributed / Unattributed). */
export function SegmentedLinks({ label, items }: { label: string; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex max-w-full overflow-x-auto rounded-lg border border-line bg-surface p-0.5 text-sm shadow-xs" data-scroll-container="">
      {items.map((i) => (
        <Link
          key={i.label}
          href={i.href}
          aria-current={i.current ? 'page' : undefined}
          className="whitespace-nowrap rounded-md px-3 py-1 text-muted transition-colors hover:text-fg aria-[current=page]:bg-subtle aria-[current=page]:font-medium aria-[current=page]:text-fg"
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
