import { notFound } from 'next/navigation';
import { Inbox } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Logo } from '@/components/ui/logo';
import { listOutbox } from '@/lib/auth/mailer';
import { outboxPageEnabled } from '@/lib/config/env';
import { formatDateTime } from '@/lib/format/dates';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Local outbox' };

export default async function OutboxPage() {
  if (!outboxPageEnabled()) notFound();
  const messages = await listOutbox();
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-10">
      <Logo />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Local outbox</h1>
        <p className="mt-1 text-sm text-muted">Mails Zori would have sent, newest first (times in UTC). Set SMTP_URL to send real mail.</p>
      </div>
      {messages.length === 0 ? (
        <Card>
          <EmptyState icon={Inbox} title="No mail yet" />
        </Card>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} data-testid="outbox-message">
              <Card as="div" className="space-y-1 p-4">
                <p className="text-xs text-muted">
                  To <span data-testid="outbox-to">{m.to}</span> · {formatDateTime(m.createdAt, 'UTC')}
                </p>
                <p className="font-medium">{m.subject}</p>
                {m.url && (
                  <a className="block break-all text-sm text-accent-fg underline" href={m.url}>
                    {m.url}
                  </a>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
