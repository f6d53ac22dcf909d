import Link from 'next/link';

const MESSAGES: Record<string, string> = {
  Verification: 'This sign-in link has expired or has already been used. Ask for a new one.',
  AccessDenied: 'Access was denied.',
  Configuration: 'Sign-in is not configured correctly on this server.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <main className="mx-auto max-w-sm px-4 py-24">
      <h1 className="mb-2 text-2xl font-semibold">Could not sign you in</h1>
      <p role="alert" className="text-gray-700 dark:text-gray-300">
        {MESSAGES[error ?? ''] ?? 'Something went wrong while signing in. Try again.'}
      </p>
      <Link href="/signin" className="mt-6 inline-block underline">
        Back to sign in
      </Link>
    </main>
  );
}
