import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { readEnv } from '@/lib/config/env';
import { outboxAccess } from '@/lib/auth/outbox-access';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/app';
  if (await currentUser()) redirect(target);
  const env = readEnv();
  const outbox = await outboxAccess();
  const providers = [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: 'github', name: 'GitHub' }] : []),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET ? [{ id: 'google', name: 'Google' }] : []),
  ];
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="mb-2 text-2xl font-semibold">Sign in to Zori</h1>
      <p className="mb-8 text-sm text-gray-600 dark:text-gray-400">We email you a link; no password needed.</p>
      <SignInForm providers={providers} callbackUrl={target} />
      {outbox === 'page' && (
        <p className="mt-8 text-sm text-gray-600 dark:text-gray-400">
          No mail server is configured: sign-in links appear in the <a className="underline" href="/dev/outbox">local outbox</a> and the server log.
        </p>
      )}
      {outbox === 'log' && <p className="mt-8 text-sm text-gray-600 dark:text-gray-400">No mail server is configured: sign-in links are written to the server log.</p>}
    </main>
  );
}
