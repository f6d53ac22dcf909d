// The visitor's colour theme: "system" follows prefers-color-scheme (pure CSS, see app/globals.css);
// "light" and "dark" are forced by a class on <html> that the server renders from this cookie, so
// the page never paints in the wrong theme first.

export const THEME_COOKIE = 'zori-theme';
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** The class for <html>: none for "system". */
export function themeClass(theme: Theme): string | undefined {
  return theme === 'system' ? undefined : theme;
}
