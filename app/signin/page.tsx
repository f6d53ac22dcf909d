import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/shell/auth-card';
import { SignInForm } from '@/components/sign-in-form';
import { outboxPageEnabled, readEnv } from '@/lib/config/env';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/app';
  if (await currentUser()) redirect(target);
  const env = readEnv();
  const providers = [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: 'github', name: 'GitHub' }] : []),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET ? [{ id: 'google', name: 'Google' }] : []),
  ];
  return (
    <AuthCard title="Sign in to Zori" description="We email you a link; no password needed.">
      <SignInForm providers={providers} callbackUrl={target} />
      {outboxPageEnabled(env) && (
        <p className="mt-6 rounded-lg bg-subtle px-3 py-2.5 text-sm text-muted">
          No mail server is configured: sign-in links appear in the{' '}
          <a className="font-medium text-accent-fg hover:underline" href="/dev/outbox">
            local outbox
          </a>{' '}
          and the server log.
        </p>
      )}
    </AuthCard>
  );
}
