import Link from 'next/link';
import { Logo } from '@/components/ui/logo';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { currentTheme } from '@/components/ui/theme-server';

/** The signed-out pages (sign in, check your email, errors): a centred card under the logo. */
export async function AuthCard({ title, description, children }: { title: string; description?: React.ReactNode; children?: React.ReactNode }) {
  const theme = await currentTheme();
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <ThemeToggle initial={theme} />
      </div>
      <main className="mx-auto flex w-full max-w-sm flex-1 flex-col px-4 pb-24 pt-8 sm:pt-16">
        <Link href="/" aria-label="Zori home" className="mx-auto">
          <Logo />
        </Link>
        <div className="mt-8 rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description && <div className="mt-1.5 text-sm text-muted">{description}</div>}
          {children && <div className="mt-6">{children}</div>}
        </div>
      </main>
    </div>
  );
}
