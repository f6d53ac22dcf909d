import Link from 'next/link';
import { Logo } from '@/components/ui/logo';
import type { Theme } from '@/components/ui/theme';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

/** The signed-in top bar: logo, organization switcher, theme, account. */
export function AppHeader({ email, theme, organizations }: { email: string; theme: Theme; organizations: { id: string; name: string; projectIds: string[] }[] }) {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/70">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
        <Link href="/app" aria-label="Zori home" className="shrink-0 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-accent">
          <Logo />
        </Link>
        <span aria-hidden className="text-line">
          /
        </span>
        <OrgSwitcher organizations={organizations} />
        <div className="ml-auto flex items-center gap-3">
          <ThemeToggle initial={theme} className="max-sm:hidden" />
          <UserMenu email={email} initialTheme={theme} />
        </div>
      </div>
    </header>
  );
}
