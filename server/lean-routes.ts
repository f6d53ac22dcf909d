import type { IncomingMessage, ServerResponse } from 'node:http';

// Hot paths (tracker beacons, Stripe webhooks, the tracker script) are served here, in front of
// Next's request pipeline, which would cap them at a fraction of what node:http and PostgreSQL can
// do on this machine. Each route is a plain function over node's request and response; the domain
// logic stays in lib/.

export type LeanHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
export type LeanRoute = { name: string; match: (pathname: string) => boolean; handle: LeanHandler };

export const leanRoutes: LeanRoute[] = [];

export function findLeanRoute(pathname: string): LeanRoute | undefined {
  return leanRoutes.find((r) => r.match(pathname));
}
