import type { ProjectScope } from '@/lib/authz';
import { appEnabled, connectEnabled } from '@/lib/stripe/connect/config';
import { connectionView, pendingMove } from '@/lib/stripe/connect/connections';
import { importStatus } from '@/lib/stripe/connect/history-import';
import { connectNotice } from '@/lib/stripe/connect/notices';
import { Card, CardHeader } from '@/components/ui/card';
import { ConnectStripeCard } from './connect-stripe-card';

// Server half of the Connect Stripe card: loads what the card shows (never a token) for an
// owner or admin, and what the callback's redirect says happened.

export async function ConnectStripeSection({ scope, searchParams }: { scope: ProjectScope; searchParams: Record<string, string | string[] | undefined> }) {
  const canManage = scope.role === 'owner' || scope.role === 'admin';
  if (!canManage) {
    return (
      <Card aria-labelledby="connect-stripe-heading">
        <CardHeader titleId="connect-stripe-heading" title="Stripe" description="Only owners and admins can connect or disconnect Stripe." className="pb-4" />
      </Card>
    );
  }
  const moveId = typeof searchParams.move === 'string' && searchParams.stripe === 'move' ? searchParams.move : null;
  const [view, move, job] = await Promise.all([connectionView(scope), moveId ? pendingMove(scope, moveId) : null, importStatus(scope)]);
  return (
    <ConnectStripeCard
      projectId={scope.projectId}
      timeZone={scope.project.timeZone}
      enabled={connectEnabled()}
      appEnabled={appEnabled()}
      view={view}
      notice={connectNotice(searchParams)}
      move={move}
      initialImport={view.state === 'not_connected' || view.kind === 'self_hosted' ? null : job}
    />
  );
}
