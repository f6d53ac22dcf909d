import { cn } from './cn';

// Tables that scroll sideways inside their card on narrow screens instead of widening the page.
// Numbers are right-aligned in tabular figures; the first column may truncate long labels.

export function DataTable({ caption, testId, className, children }: { caption: string; testId?: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn('overflow-x-auto', className)} data-scroll-container="">
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, numeric, wrap, className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean; /** A long header that may take two lines. */ wrap?: boolean }) {
  return (
    <th
      scope="col"
      {...props}
      className={cn(
        'border-b border-line px-3 py-2 align-bottom text-xs font-medium text-muted first:pl-4 last:pr-4 sm:first:pl-5 sm:last:pr-5',
        wrap ? 'min-w-[4.5rem]' : 'whitespace-nowrap',
        numeric ? 'text-right' : 'text-left',
        className,
      )}
    >
      {children}
    </th>
  );
}

export function Td({ children, numeric, className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      {...props}
      className={cn('border-b border-line-soft px-3 py-2 align-top first:pl-4 last:pr-4 sm:first:pl-5 sm:last:pr-5', numeric && 'whitespace-nowrap text-right tabular-nums', className)}
    >
      {children}
    </td>
  );
}

/** A row header cell (the row's name), e.g. the channel of a ranked table. */
export function RowHeader({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <th scope="row" className={cn('border-b border-line-soft px-3 py-2 text-left align-top font-normal first:pl-4 sm:first:pl-5', className)}>
      {children}
    </th>
  );
}

export function Tr({ children, className, ...props }: React.HTMLAttributes<HTMLTableRowElement>) {
  return (
    <tr {...props} className={cn('transition-colors hover:bg-subtle/60 [&:last-child>*]:border-b-0', className)}>
      {children}
    </tr>
  );
}
