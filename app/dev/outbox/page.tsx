import { notFound } from 'next/navigation';
import { listOutbox } from '@/lib/auth/mailer';
import { outboxAccess } from '@/lib/auth/outbox-access';

export const dynamic = 'force-dynamic';

export default async function OutboxPage() {
  if ((await outboxAccess()) !== 'page') notFound();
  const messages = await listOutbox();
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold">Local outbox</h1>
      <p className="mb-6 text-sm text-gray-600 dark:text-gray-400">Mails Zori would have sent, newest first. Set SMTP_URL to send real mail.</p>
      <ul className="space-y-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-md border border-gray-200 p-4 dark:border-gray-800" data-testid="outbox-message">
            <p className="text-sm text-gray-500">
              To <span data-testid="outbox-to">{m.to}</span> · {m.createdAt.toISOString()}
            </p>
            <p className="font-medium">{m.subject}</p>
            {m.url && (
              <a className="break-all text-indigo-600 underline" href={m.url}>
                {m.url}
              </a>
            )}
          </li>
        ))}
        {messages.length === 0 && <li className="text-gray-500">No mail yet.</li>}
      </ul>
    </main>
  );
}
