import type { LucideIcon } from 'lucide-react';
import { cn } from './cn';

/** What a list or chart shows when it has nothing yet: what it is, and how to get something. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
  className,
  testId,
}: {
  icon?: LucideIcon;
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={cn('flex flex-col items-center gap-2 px-6 py-10 text-center', className)} data-testid={testId}>
      {Icon && (
        <span className="mb-1 grid size-10 place-items-center rounded-full bg-subtle text-muted">
          <Icon aria-hidden className="size-5" />
        </span>
      )}
      <p className="text-sm font-medium text-fg">{title}</p>
      {children && <div className="max-w-md text-sm text-muted">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
