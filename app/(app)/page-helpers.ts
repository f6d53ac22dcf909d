import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { type Actor, NotFoundError, roleAllows } from '@/lib/authz';
import { currentUser, userActor } from '@/lib/auth/session';
import { runAsUser } from '@/lib/http/actions';
import type { Role } from '@/lib/generated/prisma/client';

// Small pieces shared by the signed-in pages and their server actions.

/** The signed-in user as an actor; signed-out visitors go to sign-in and come back. */
export async function requireActor(): Promise<Actor & { kind: 'user' }> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent((await headers()).get('x-zori-path') ?? '/app')}`);
  return userActor(user) as Actor & { kind: 'user' };
}

/** Unknown ids and other tenants' ids render the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export const canManage = (role: Role) => roleAllows(role, 'manage');

/** A server action's body: run the lib operation as the user, then refresh the pages' data. */
export async function act<T>(operation: (actor: Actor) => Promise<T>, message?: string) {
  const result = await runAsUser(operation, message);
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
