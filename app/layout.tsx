import type { Metadata, Viewport } from 'next';
import { AriaRouterProvider } from '@/components/ui/router-provider';
import { themeClass } from '@/components/ui/theme';
import { currentTheme } from '@/components/ui/theme-server';
import './globals.css';

// Every page reads the session or the database at request time; nothing is prerendered at build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Zori', template: '%s · Zori' },
  description: 'Revenue attribution: which traffic source made money.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f7f8' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is a class rendered by the server: no flash of the other theme on load.
  const theme = await currentTheme();
  return (
    <html lang="en" className={themeClass(theme)} suppressHydrationWarning>
      <body className="min-h-screen bg-page text-fg antialiased">
        <AriaRouterProvider>{children}</AriaRouterProvider>
      </body>
    </html>
  );
}
