'use client';

import { useRouter } from 'next/navigation';
import { RouterProvider } from 'react-aria-components';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NonNullable<Parameters<ReturnType<typeof useRouter>['push']>[1]>;
  }
}

/** Lets react-aria links (menu items with href) navigate with Next's client router. */
export function AriaRouterProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  return <RouterProvider navigate={(href, opts) => router.push(href, opts)}>{children}</RouterProvider>;
}
