import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { cn } from './cn';

// The top of a page: where it sits (breadcrumb), its title, a line about it and its actions.

export function PageHeader({
  title,
  breadcrumb,
  description,
  actions,
  className,
}: {
  title: React.ReactNode;
  breadcrumb?: { href: string; label: string }[];
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-wrap items-end justify-between gap-4', className)}>
      <div className="min-w-0">
        {breadcrumb && breadcrumb.length > 0 && (
          <nav aria-label="Breadcrumb" className="mb-1">
            <ol className="flex flex-wrap items-center gap-1 text-sm text-muted">
              {breadcrumb.map((b, i) => (
                <li key={b.href} className="flex min-w-0 items-center gap-1">
                  {i > 0 && <ChevronRight aria-hidden className="size-3.5" />}
                  <Link href={b.href} className="truncate hover:text-fg">
                    {b.label}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <h1 className="truncate text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

/** A titled block inside a page (a settings section, a list). */
export function SectionHeading({ id, title, description, actions }: { id: string; title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h2 id={id} className="text-base font-semibold text-fg">
          {title}
        </h2>
        {description && <p className="mt-0.5 text-sm text-muted">{description}</p>}
      </div>
      {actions}
    </div>
  );
}
