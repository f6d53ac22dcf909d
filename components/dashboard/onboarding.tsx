import { Code2, CreditCard } from 'lucide-react';
import { CopyButton } from '@/components/copy-button';
import { Card } from '@/components/ui/card';

// What a new project shows instead of empty charts: how to install the tracker and connect Stripe.

export function Onboarding({ snippet, projectId }: { snippet: string; projectId: string }) {
  return (
    <Card className="p-5 sm:p-8" data-testid="empty-state">
      <h2 className="text-lg font-semibold tracking-tight">No data yet: two steps to your first revenue report</h2>
      <ol className="mt-6 grid gap-6 md:grid-cols-2">
        <li className="min-w-0 space-y-3">
          <p className="flex items-center gap-2 font-medium">
            <span className="grid size-7 place-items-center rounded-full bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300">
              <Code2 aria-hidden className="size-4" />
            </span>
            Add the tracking script to every page, before &lt;/head&gt;
          </p>
          <pre className="overflow-x-auto rounded-lg border border-line bg-subtle p-3 font-mono text-xs" data-scroll-container="">
            <code>{snippet}</code>
          </pre>
          <CopyButton text={snippet} label="Copy snippet" />
          <p className="text-sm text-muted">
            It gives each visitor a first-party <code>zori_visitor_id</code> cookie and records where they came from.
          </p>
        </li>
        <li className="min-w-0 space-y-3">
          <p className="flex items-center gap-2 font-medium">
            <span className="grid size-7 place-items-center rounded-full bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300">
              <CreditCard aria-hidden className="size-4" />
            </span>
            Connect Stripe and pass the visitor id with each payment
          </p>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-muted">
            <li>
              Connect your Stripe account under{' '}
              <a className="text-accent-fg hover:underline" href={`/projects/${projectId}/settings/integrations`}>
                Integrations
              </a>{' '}
              (or set a webhook secret with <code>npm run zori -- stripe set</code> when self-hosting).
            </li>
            <li>
              When you create a Checkout Session or PaymentIntent, read the <code>zori_visitor_id</code> cookie and send it as <code>metadata[zori_visitor_id]</code>.
            </li>
            <li>Payments then appear here, credited to the channel, source and campaign that brought the visitor.</li>
          </ul>
        </li>
      </ol>
    </Card>
  );
}
