'use client';

import { signOut } from 'next-auth/react';
import { buttonStyles } from '@/components/ui/button';

export function SignOutButton({ callbackUrl = '/signin', label = 'Sign out' }: { callbackUrl?: string; label?: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className={buttonStyles('secondary')}>
      {label}
    </button>
  );
}
