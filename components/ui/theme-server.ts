import { cookies } from 'next/headers';
import { parseTheme, THEME_COOKIE, type Theme } from './theme';

/** The visitor's theme choice, for server components (the root layout's <html> class, toggles). */
export async function currentTheme(): Promise<Theme> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}
