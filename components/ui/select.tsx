'use client';

import { Check, ChevronDown } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { Button, Label, ListBox, ListBoxItem, Select as AriaSelect, SelectValue, Text } from 'react-aria-components';
import { cn } from './cn';
import { Popover } from './popover';

// An accessible select (react-aria: a button with a listbox popup, typeahead, keyboard support).
// In a form it posts its value under `name` like a native select.

export type SelectOption = { id: string; label: string; description?: string };

type Props = {
  label: string;
  options: readonly SelectOption[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  name?: string;
  /** toolbar: compact, label read by screen readers only; field: label above, full width. */
  variant?: 'toolbar' | 'field';
  icon?: LucideIcon;
  isDisabled?: boolean;
  className?: string;
  'aria-describedby'?: string;
  isInvalid?: boolean;
};

export function Select({ label, options, value, defaultValue, onChange, name, variant = 'field', icon: Icon, isDisabled, className, isInvalid, ...rest }: Props) {
  const toolbar = variant === 'toolbar';
  return (
    <AriaSelect
      value={value}
      defaultValue={defaultValue}
      onChange={(key) => key !== null && onChange?.(String(key))}
      name={name}
      isDisabled={isDisabled}
      isInvalid={isInvalid}
      aria-describedby={rest['aria-describedby']}
      className={cn('group flex min-w-0 flex-col gap-1', className)}
    >
      <Label className={toolbar ? 'sr-only' : 'text-sm font-medium text-fg'}>{label}</Label>
      <Button
        className={cn(
          'flex min-w-0 items-center gap-2 rounded-lg border border-line bg-surface text-left text-sm text-fg shadow-xs outline-none transition-colors hover:bg-subtle data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60 group-data-[invalid]:border-red-500',
          toolbar ? 'h-9 px-3' : 'h-10 w-full px-3',
        )}
      >
        {Icon && <Icon aria-hidden className="size-4 shrink-0 text-muted" />}
        <SelectValue className="min-w-0 flex-1 truncate">{({ selectedText, isPlaceholder }) => (isPlaceholder ? 'Choose…' : selectedText)}</SelectValue>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-muted" />
      </Button>
      <Popover className="max-h-80">
        <ListBox className="outline-none" items={options}>
          {(o) => (
            <ListBoxItem
              id={o.id}
              textValue={o.label}
              className="group/item flex cursor-default items-start gap-2 rounded-lg px-2.5 py-2 text-sm outline-none data-[focused]:bg-subtle data-[selected]:font-medium"
            >
              <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-accent opacity-0 group-data-[selected]/item:opacity-100" />
              {/* Slots: the option is named by its label and described by its description. */}
              <span className="flex min-w-0 flex-col">
                <Text slot="label">{o.label}</Text>
                {o.description && (
                  <Text slot="description" className="text-xs font-normal text-muted">
                    {o.description}
                  </Text>
                )}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
