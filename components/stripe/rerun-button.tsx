'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/errors';
import { buttonStyles } from '@/components/ui/button';

export function RerunButton({ action, label }: { action: (prev: ActionResult | null) => Promise<ActionResult>; label: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="inline">
      <button type="submit" disabled={pending} aria-label={label} className={buttonStyles("secondary", "sm")}>
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
