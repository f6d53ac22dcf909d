import { Lock } from 'lucide-react';

export function ReadOnlyNote({ what = 'this organization' }: { what?: string }) {
  return (
    <p className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200" data-testid="read-only-note">
      <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
      You have read-only access: only owners and admins can change {what}.
    </p>
  );
}
