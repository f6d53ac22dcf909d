'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/errors';

export function RerunButton({ action, label }: { action: (prev: ActionResult | null) => Promise<ActionResult>; label: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="inline">
      <button type="submit" disabled={pending} aria-label={label} className="rounded border border-gray-300 px-2 py-0.5 text-xs hover:bg-gray-100 disabled:opacity-60 dark:border-gray-700 dark:hover:bg-gray-800">
        {pending ? 'Re-running…' : 'Re-run'}
      </button>
      {state && (
        <span role={state.ok ? 'status' : 'alert'} className={`ml-2 text-xs ${state.ok ? 'text-green-700 dark:text-green-400' : 'text-red-600 dark:text-red-400'}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
