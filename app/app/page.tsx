import { redirect } from 'next/navigation';
import { currentUser, userActor } from '@/lib/auth/session';
import { listOrganizationsForUser } from '@/lib/tenancy/organizations';

export default async function AppHome() {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const orgs = await listOrganizationsForUser(userActor(user));
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-2xl font-semibold">Welcome, {user.email}</h1>
      <ul>
        {orgs.map((o) => (
          <li key={o.id}>{o.name}</li>
        ))}
      </ul>
    </main>
  );
}
