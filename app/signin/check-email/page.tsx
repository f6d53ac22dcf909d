import { MailCheck } from 'lucide-react';
import { AuthCard } from '@/components/shell/auth-card';
import { outboxPageEnabled } from '@/lib/config/env';

export const metadata = { title: 'Check your email' };

export default function CheckEmailPage() {
  return (
    <AuthCard
      title="Check your email"
      description={
        <span className="flex items-start gap-2">
          <MailCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />A sign-in link is on its way. It works once and expires in 15 minutes.
        </span>
      }
    >
      {outboxPageEnabled() && (
        <p className="text-sm text-muted">
          Running locally? Open the{' '}
          <a className="font-medium text-accent-fg hover:underline" href="/dev/outbox">
            outbox
          </a>
          .
        </p>
      )}
    </AuthCard>
  );
}
