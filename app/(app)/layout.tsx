import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { OrgSwitcher } from '@/components/org-switcher';
import { SignOutButton } from '@/components/sign-out-button';
import { currentUser, userActor } from '@/lib/auth/session';
import { navigationForUser } from '@/lib/tenancy/navigation';

// The signed-in shell: top bar with the organization switcher and sign-out. Signed-out visitors
// go to sign-in and come back to the page they asked for (proxy.ts passes its path).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get('x-zori-path') ?? '/app';
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  const organizations = await navigationForUser(userActor(user));
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-950">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <Link href="/app" className="text-lg font-semibold text-indigo-600">
            Zori
          </Link>
          <OrgSwitcher organizations={organizations} />
          <div className="ml-auto flex items-center gap-4">
            <span className="text-sm text-gray-600 dark:text-gray-400">{user.email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto max-w-6xl px-4 py-8">{children}</div>
    </div>
  );
}
