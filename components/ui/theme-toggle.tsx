'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { THEME_COOKIE, type Theme } from './theme';

export const THEME_OPTIONS: { id: Theme; label: string; Icon: typeof Sun }[] = [
  { id: 'system', label: 'System', Icon: Monitor },
  { id: 'light', label: 'Light', Icon: Sun },
  { id: 'dark', label: 'Dark', Icon: Moon },
];

// The choice lives in a cookie (read by the server for the next page) and in <html>'s class (this
// page); every toggle on the page reads it from there.
const listeners = new Set<() => void>();
function readTheme(): Theme {
  const c = document.documentElement.classList;
  return c.contains('dark') ? 'dark' : c.contains('light') ? 'light' : 'system';
}

export function setTheme(next: Theme) {
  document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  const root = document.documentElement;
  root.classList.remove('light', 'dark');
  if (next !== 'system') root.classList.add(next);
  listeners.forEach((l) => l());
}

export function useTheme(initial: Theme): Theme {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readTheme,
    () => initial,
  );
}

/** System / light / dark, remembered for a year. */
export function ThemeToggle({ initial, className }: { initial: Theme; className?: string }) {
  const theme = useTheme(initial);
  return (
    <ToggleButtonGroup
      aria-label="Colour theme"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[theme]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (next) setTheme(next as Theme);
      }}
      className={`inline-flex items-center gap-0.5 rounded-full border border-line bg-surface p-0.5 ${className ?? ''}`}
    >
      {THEME_OPTIONS.map(({ id, label, Icon }) => (
        <ToggleButton
          key={id}
          id={id}
          aria-label={`${label} theme`}
          className="grid size-7 cursor-default place-items-center rounded-full text-muted outline-none transition-colors hover:text-fg data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent data-[selected]:bg-subtle data-[selected]:text-fg"
        >
          <Icon aria-hidden className="size-3.5" strokeWidth={2} />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
