'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { inputClass } from './action-form';
import { buttonStyles } from './ui/button';

export function SignInForm({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Enter a valid email address');
      return;
    }
    setError(null);
    setPending(true);
    await signIn('email', { email: email.trim().toLowerCase(), callbackUrl });
    setPending(false);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate className="space-y-3">
        <label htmlFor="email" className="block text-sm font-medium text-fg">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'email-error' : undefined}
          placeholder="you@company.com"
          className={inputClass}
        />
        {error && (
          <p id="email-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className={buttonStyles('primary', 'md', 'w-full')}>
          {pending ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </form>
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          onClick={() => signIn(p.id, { callbackUrl })}
          className={buttonStyles('secondary', 'md', 'w-full')}
        >
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
