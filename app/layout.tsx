import type { Metadata } from 'next';
import './globals.css';

// Every page reads the session or the database at request time; nothing is prerendered at build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Zori', template: '%s · Zori' },
  description: 'Revenue attribution: which traffic source made money.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">{children}</body>
    </html>
  );
}
