'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ callbackUrl = '/signin' }: { callbackUrl?: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className="text-sm text-gray-600 hover:underline dark:text-gray-300">
      Sign out
    </button>
  );
}
