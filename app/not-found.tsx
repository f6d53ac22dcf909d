import Link from 'next/link';
import { Compass } from 'lucide-react';
import { buttonStyles } from '@/components/ui/button';
import { Logo } from '@/components/ui/logo';

export const metadata = { title: 'Page not found' };

// Unknown pages, and other tenants' ids (which answer exactly like pages that do not exist).
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      <Link href="/" aria-label="Zori home">
        <Logo />
      </Link>
      <span className="mt-6 grid size-12 place-items-center rounded-full bg-subtle text-muted">
        <Compass aria-hidden className="size-6" />
      </span>
      <div>
        <p className="text-sm font-medium text-accent">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-sm text-muted">This page does not exist, or it belongs to an organization you are not a member of.</p>
      </div>
      <Link href="/app" className={buttonStyles('primary')}>
        Go to your dashboard
      </Link>
    </main>
  );
}
