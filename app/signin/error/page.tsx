import Link from 'next/link';
import { AuthCard } from '@/components/shell/auth-card';
import { buttonStyles } from '@/components/ui/button';

export const metadata = { title: 'Could not sign you in' };

const MESSAGES: Record<string, string> = {
  Verification: 'This sign-in link has expired or has already been used. Ask for a new one.',
  AccessDenied: 'Access was denied.',
  Configuration: 'Sign-in is not configured correctly on this server.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <AuthCard title="Could not sign you in">
      <p role="alert" className="text-sm text-fg">
        {MESSAGES[error ?? ''] ?? 'Something went wrong while signing in. Try again.'}
      </p>
      <Link href="/signin" className={buttonStyles('primary', 'md', 'mt-6 w-full')}>
        Back to sign in
      </Link>
    </AuthCard>
  );
}
