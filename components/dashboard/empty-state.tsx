// What a new project shows instead of empty charts: how to install the tracker and connect Stripe.

export function EmptyState({ snippet, projectId }: { snippet: string; projectId: string }) {
  return (
    <section className="rounded-lg border border-dashed border-gray-300 p-6 dark:border-gray-700" data-testid="empty-state">
      <h2 className="text-lg font-semibold">No data yet: two steps to your first revenue report</h2>
      <ol className="mt-4 list-decimal space-y-4 pl-5 text-sm">
        <li>
          <p className="font-medium">Add the tracking script to every page of your site, before &lt;/head&gt;:</p>
          <pre className="mt-2 overflow-x-auto rounded bg-gray-100 p-3 text-xs dark:bg-gray-900">
            <code>{snippet}</code>
          </pre>
          <p className="mt-1 text-gray-600 dark:text-gray-400">It gives each visitor a first-party <code>zori_visitor_id</code> cookie and records where they came from.</p>
        </li>
        <li>
          <p className="font-medium">Connect Stripe and pass the visitor id with each payment:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-gray-700 dark:text-gray-300">
            <li>
              Connect your Stripe account under{' '}
              <a className="text-indigo-600 hover:underline dark:text-indigo-400" href={`/projects/${projectId}/settings/integrations`}>
                Settings → Integrations
              </a>{' '}
              (or set a webhook secret with <code>npm run zori -- stripe set</code> when self-hosting).
            </li>
            <li>
              When you create a Checkout Session or PaymentIntent, read the <code>zori_visitor_id</code> cookie and send it as{' '}
              <code>metadata[zori_visitor_id]</code>.
            </li>
            <li>Payments then appear here, credited to the channel, source and campaign that brought the visitor.</li>
          </ul>
        </li>
      </ol>
    </section>
  );
}
