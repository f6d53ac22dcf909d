import { CopyButton } from '@/components/copy-button';
import type { NoCodeSetup } from '@/lib/stripe/no-code-setups';

// Payment Links, Pricing Tables and Buy Buttons: the tracker passes the visitor id to them by itself,
// so each set-up is one snippet to paste (read-only: every member may copy them).

export function NoCodeCheckoutsSection({ setups }: { setups: NoCodeSetup[] }) {
  return (
    <section aria-labelledby="no-code-heading" className="space-y-4 rounded-lg border border-gray-200 p-6 dark:border-gray-800">
      <div className="space-y-1">
        <h2 id="no-code-heading" className="text-lg font-semibold">
          Payment Links, Pricing Tables and Buy Buttons
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          No backend code needed: with Zori’s script on the page, the visitor id reaches Stripe as the Checkout Session’s <code>client_reference_id</code>, and
          the payment, the subscription and every renewal are credited to the visit. Opted-out visitors pass nothing; without cookie consent, an id for that page
          only.
        </p>
      </div>
      {setups.map((s) => (
        <div key={s.id} className="space-y-2" data-testid={`no-code-${s.id}`}>
          <h3 className="font-medium">{s.title}</h3>
          <p className="text-sm text-gray-600 dark:text-gray-400">{s.description}</p>
          <div className="flex flex-wrap items-start gap-2">
            <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-gray-50 p-3 text-xs dark:bg-gray-900">
              <code>{s.snippet}</code>
            </pre>
            <CopyButton text={s.snippet} label={`Copy ${s.title} snippet`} />
          </div>
        </div>
      ))}
    </section>
  );
}
