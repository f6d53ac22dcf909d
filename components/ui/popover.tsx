'use client';

import { Popover as AriaPopover, type PopoverProps } from 'react-aria-components';
import { cn } from './cn';

/** The floating panel of selects, menus and pickers. */
export function Popover({ className, ...props }: PopoverProps & { className?: string }) {
  return (
    <AriaPopover
      offset={6}
      {...props}
      className={cn(
        'min-w-(--trigger-width) overflow-auto rounded-xl border border-line bg-surface p-1 text-fg shadow-lg outline-none',
        className,
      )}
    />
  );
}
