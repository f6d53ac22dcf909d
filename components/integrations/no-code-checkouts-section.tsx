import { CopyButton } from '@/components/copy-button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { NoCodeSetup } from '@/lib/stripe/no-code-setups';

// Payment Links, Pricing Tables and Buy Buttons: the tracker passes the visitor id to them by itself,
// so each set-up is one snippet to paste (read-only: every member may copy them).

export function NoCodeCheckoutsSection({ setups }: { setups: NoCodeSetup[] }) {
  return (
    <Card aria-labelledby="no-code-heading">
      <CardHeader
        titleId="no-code-heading"
        title="Payment Links, Pricing Tables and Buy Buttons"
        description={
          <>
            No backend code needed: with Zori’s script on the page, the visitor id reaches Stripe as the Checkout Session’s <code>client_reference_id</code>, and the
            payment, the subscription and every renewal are credited to the visit. Opted-out visitors pass nothing; without cookie consent, an id for that page only.
          </>
        }
      />
      <CardBody className="space-y-5">
      {setups.map((s) => (
        <div key={s.id} className="space-y-2" data-testid={`no-code-${s.id}`}>
          <h3 className="text-sm font-medium">{s.title}</h3>
          <p className="text-sm text-muted">{s.description}</p>
          <div className="flex flex-wrap items-start gap-2">
            <pre className="min-w-0 flex-1 overflow-x-auto rounded-lg border border-line bg-subtle p-3 font-mono text-xs">
              <code>{s.snippet}</code>
            </pre>
            <CopyButton text={s.snippet} label={`Copy ${s.title} snippet`} />
          </div>
        </div>
      ))}
      </CardBody>
    </Card>
  );
}
