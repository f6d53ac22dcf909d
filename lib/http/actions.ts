import type { Actor } from '@/lib/authz';
import { currentUser, userActor } from '@/lib/auth/session';
import { type ActionResult, toActionResult } from './errors';

/**
 * The body of every server action: the signed-in user becomes the actor, the lib operation runs,
 * expected failures become a result the form shows (bugs and redirects propagate).
 */
export async function runAsUser<T>(operation: (actor: Actor) => Promise<T>, message?: string): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return { ok: false, message: 'Your session has ended: sign in again' };
  try {
    const data = await operation(userActor(user));
    return { ok: true, data, message };
  } catch (err) {
    return toActionResult(err);
  }
}

/** Form fields as strings (File entries are ignored); the lib's zod schemas validate them. */
export function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !key.startsWith('$')) out[key] = value;
  return out;
}

/** "a.com, b.com\nc.com" → ["a.com", "b.com", "c.com"] for list fields typed into a textarea. */
export const listField = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);
