import { getServerSession } from 'next-auth';
import { cache } from 'react';
import type { Actor } from '@/lib/authz';
import { authOptions } from './options';

export type SessionUser = { id: string; email?: string | null; name?: string | null };

/** The signed-in user in a server component, action or route handler; null when signed out.
 * Read once per request: the layouts and the page of one render share the session lookup. */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as SessionUser | undefined;
  return user?.id ? user : null;
});

export const userActor = (user: SessionUser): Actor => ({ kind: 'user', userId: user.id });
