import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppHeader } from '@/components/shell/app-header';
import { currentTheme } from '@/components/ui/theme-server';
import { currentUser, userActor } from '@/lib/auth/session';
import { navigationForUser } from '@/lib/tenancy/navigation';

// The signed-in shell: top bar with the organization switcher, theme and account menu. Signed-out
// visitors go to sign-in and come back to the page they asked for (proxy.ts passes its path).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get('x-zori-path') ?? '/app';
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  const [organizations, theme] = await Promise.all([navigationForUser(userActor(user)), currentTheme()]);
  return (
    <div className="min-h-screen">
      <AppHeader
        email={user.email ?? ''}
        theme={theme}
        organizations={organizations.map((o) => ({ id: o.id, name: o.name, projectIds: o.projects.map((p) => p.id) }))}
      />
      <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">{children}</div>
    </div>
  );
}
