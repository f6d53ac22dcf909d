import { notFound, redirect } from 'next/navigation';
import { ConnectStripeSection } from '@/components/integrations/connect-stripe-section';
import { currentUser, userActor } from '@/lib/auth/session';
import { authorizeProject, NotFoundError } from '@/lib/authz';

export const metadata = { title: 'Integrations' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IntegrationsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/projects/${projectId}/settings/integrations`)}`);
  const scope = await authorizeProject(userActor(user), projectId, 'read').catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <h1 className="text-2xl font-semibold">Integrations</h1>
      <ConnectStripeSection scope={scope} searchParams={await searchParams} />
    </main>
  );
}
