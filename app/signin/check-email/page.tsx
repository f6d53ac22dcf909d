import { outboxAccess } from '@/lib/auth/outbox-access';

export default async function CheckEmailPage() {
  const outbox = await outboxAccess();
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="mb-2 text-2xl font-semibold">Check your email</h1>
      <p className="text-gray-600 dark:text-gray-400">A sign-in link is on its way. It works once and expires in 15 minutes.</p>
      {outbox === 'page' && (
        <p className="mt-6 text-sm">
          Running locally? Open the <a className="underline" href="/dev/outbox">outbox</a>.
        </p>
      )}
      {outbox === 'log' && <p className="mt-6 text-sm">No mail server is configured: the link is in the server log.</p>}
    </main>
  );
}
