import { cn } from './cn';

// The surface every block of a page sits on, with an optional header (title, description, actions).

export function Card({ as: Tag = 'section', className, children, ...props }: React.HTMLAttributes<HTMLElement> & { as?: 'section' | 'div' }) {
  return (
    <Tag {...props} className={cn('min-w-0 rounded-xl border border-line bg-surface shadow-xs', className)}>
      {children}
    </Tag>
  );
}

export function CardHeader({
  title,
  titleId,
  description,
  actions,
  className,
}: {
  title: React.ReactNode;
  titleId?: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 pt-4 sm:px-5', className)}>
      <div className="min-w-0">
        <h2 id={titleId} className="text-sm font-semibold text-fg">
          {title}
        </h2>
        {description && <p className="mt-0.5 text-sm text-muted">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardBody({ className, children }: { className?: string; children: React.ReactNode }) {
  return <div className={cn('p-4 sm:p-5', className)}>{children}</div>;
}
