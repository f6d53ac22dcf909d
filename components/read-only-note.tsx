export function ReadOnlyNote({ what = 'this organization' }: { what?: string }) {
  return (
    <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="read-only-note">
      You have read-only access: only owners and admins can change {what}.
    </p>
  );
}
