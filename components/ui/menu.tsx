'use client';

import { Menu as AriaMenu, MenuItem as AriaMenuItem, MenuTrigger, type MenuItemProps, Button, Separator, Header, MenuSection } from 'react-aria-components';
import { cn } from './cn';
import { Popover } from './popover';

// A menu of actions or links behind a button (react-aria: arrow keys, typeahead, Escape).

export function Menu({ trigger, triggerLabel, triggerClassName, children, placement = 'bottom end' }: { trigger: React.ReactNode; triggerLabel: string; triggerClassName?: string; children: React.ReactNode; placement?: 'bottom end' | 'bottom start' }) {
  return (
    <MenuTrigger>
      <Button aria-label={triggerLabel} className={cn('outline-none data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent', triggerClassName)}>
        {trigger}
      </Button>
      <Popover placement={placement} className="min-w-56">
        <AriaMenu className="outline-none">{children}</AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}

export function MenuItem({ className, ...props }: MenuItemProps & { className?: string }) {
  return <AriaMenuItem {...props} className={cn('flex cursor-default items-center gap-2 rounded-lg px-2.5 py-2 text-sm text-fg outline-none data-[focused]:bg-subtle', className)} />;
}

export function MenuHeader({ children }: { children: React.ReactNode }) {
  return <Header className="truncate px-2.5 py-1.5 text-xs text-muted">{children}</Header>;
}

export { MenuSection, Separator as MenuSeparator };
