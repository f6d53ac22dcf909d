import { redirect } from 'next/navigation';
import { currentUser, userActor } from '@/lib/auth/session';
import { landingPath, navigationForUser } from '@/lib/tenancy/navigation';

/** /app: the user's first project dashboard (or first organization). */
export default async function AppHome() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/app');
  const target = landingPath(await navigationForUser(userActor(user)));
  if (target) redirect(target);
  return (
    <main className="mx-auto max-w-lg pt-12">
      <h1 className="text-2xl font-semibold tracking-tight">Welcome, {user.email}</h1>
      <p className="mt-2 text-muted">You do not belong to an organization yet. Ask for an invitation.</p>
    </main>
  );
}
