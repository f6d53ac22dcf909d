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
    <main>
      <h1 className="text-2xl font-semibold">Welcome, {user.email}</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-400">You do not belong to an organization yet. Ask for an invitation.</p>
    </main>
  );
}
