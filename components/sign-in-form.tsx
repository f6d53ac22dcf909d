'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

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
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="space-y-3">
        <label htmlFor="email" className="block text-sm font-medium">
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
          className="w-full rounded-md border border-gray-300 bg-white px-3 py-2 dark:border-gray-700 dark:bg-gray-900"
        />
        {error && (
          <p id="email-error" role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
          {pending ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </form>
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          onClick={() => signIn(p.id, { callbackUrl })}
          className="w-full rounded-md border border-gray-300 px-3 py-2 font-medium dark:border-gray-700"
        >
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
