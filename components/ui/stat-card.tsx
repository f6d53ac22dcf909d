import { ArrowDownRight, ArrowUpRight, Sparkles } from 'lucide-react';
import { type Change, changeTone, formatChange } from '@/lib/analytics/change';
import { Badge } from './badge';
import { cn } from './cn';

// A headline figure with its change against the previous period.

export function ChangeBadge({ change, lowerIsBetter = false }: { change: Change; lowerIsBetter?: boolean }) {
  if (change.kind === 'none') return null;
  const tone = changeTone(change, lowerIsBetter);
  const Icon = change.kind === 'new' ? Sparkles : change.kind === 'up' ? ArrowUpRight : change.kind === 'down' ? ArrowDownRight : null;
  return (
    <Badge tone={tone === 'good' ? 'good' : tone === 'bad' ? 'bad' : 'neutral'} data-testid="change">
      {Icon && <Icon aria-hidden className="size-3" strokeWidth={2.5} />}
      {formatChange(change)}
    </Badge>
  );
}

export function StatCard({
  label,
  value,
  change,
  previous,
  lowerIsBetter,
  footer,
  testId,
  className,
}: {
  label: string;
  value: string;
  change?: Change;
  /** The previous period's figure, already formatted. */
  previous?: string;
  lowerIsBetter?: boolean;
  footer?: React.ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div className={cn('flex min-w-0 flex-col gap-1 rounded-xl border border-line bg-surface p-4 shadow-xs', className)} data-testid={testId && `card-${testId}`}>
      <dt className="truncate text-xs font-medium text-muted" title={label}>
        {label}
      </dt>
      <dd className="truncate text-xl font-semibold tracking-tight text-fg tabular-nums" data-testid={testId && `value-${testId}`}>
        {value}
      </dd>
      {change && change.kind !== 'none' && (
        <dd className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-muted">
          <ChangeBadge change={change} lowerIsBetter={lowerIsBetter} />
          {previous !== undefined && <span className="truncate">vs {previous}</span>}
        </dd>
      )}
      {footer && <dd className="text-xs">{footer}</dd>}
    </div>
  );
}
