import { type NextRequest, NextResponse } from 'next/server';

// Tells the signed-in shell which page was asked for, so that a signed-out visitor is sent to
// /signin?callbackUrl=<that page> and comes back to it (e.g. an invitation link). Not an auth check:
// every page, action and lib call checks the session itself.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-zori-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/app', '/orgs/:path*', '/projects/:path*', '/invitations/:path*'] };
