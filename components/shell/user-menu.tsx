'use client';

import { Check, LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { Menu, MenuHeader, MenuItem, MenuSection, MenuSeparator } from '@/components/ui/menu';
import type { Theme } from '@/components/ui/theme';
import { setTheme, THEME_OPTIONS, useTheme } from '@/components/ui/theme-toggle';

/** The signed-in user's menu: who they are, the colour theme, sign out. */
export function UserMenu({ email, initialTheme }: { email: string; initialTheme: Theme }) {
  const theme = useTheme(initialTheme);
  return (
    <Menu
      triggerLabel="Account"
      triggerClassName="grid size-8 place-items-center rounded-full bg-indigo-600 text-sm font-semibold uppercase text-white hover:bg-indigo-500"
      trigger={email.slice(0, 1)}
    >
      <MenuSection>
        <MenuHeader>Signed in as {email}</MenuHeader>
      </MenuSection>
      <MenuSeparator className="my-1 border-t border-line" />
      <MenuSection aria-label="Theme">
        <MenuHeader>Theme</MenuHeader>
        {THEME_OPTIONS.map(({ id, label, Icon }) => (
          <MenuItem key={id} id={`theme-${id}`} textValue={`${label} theme`} onAction={() => setTheme(id)}>
            <Icon aria-hidden className="size-4 text-muted" />
            <span className="flex-1">{label}</span>
            {theme === id && <Check aria-label="(current)" className="size-4 text-accent" />}
          </MenuItem>
        ))}
      </MenuSection>
      <MenuSeparator className="my-1 border-t border-line" />
      <MenuSection>
        <MenuItem id="sign-out" onAction={() => signOut({ callbackUrl: '/signin' })}>
          <LogOut aria-hidden className="size-4 text-muted" />
          Sign out
        </MenuItem>
      </MenuSection>
    </Menu>
  );
}
