import { ZodError } from 'zod';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/authz/errors';

// One mapping from domain errors to what a caller sees, shared by server actions, route handlers
// and the CLI, so the same bad input gets the same message everywhere.

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

export type PublicError = { status: number; message: string; fieldErrors?: Record<string, string> };

export function describeError(err: unknown): PublicError {
  if (err instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of err.issues) {
      const key = issue.path.join('.') || '_';
      fieldErrors[key] ??= issue.message;
    }
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return { status: 400, message: `${where}${first?.message ?? 'Invalid input'}`, fieldErrors };
  }
  if (err instanceof DomainError) {
    return { status: err.status, message: err.message, fieldErrors: err.field ? { [err.field]: err.message } : undefined };
  }
  if (err instanceof NotFoundError || err instanceof ForbiddenError || err instanceof UnauthenticatedError) {
    return { status: err.status, message: err.message };
  }
  throw err;
}

/** For server actions: turns expected failures into a result the form can show; rethrows bugs. */
export function toActionResult(err: unknown): ActionResult<never> {
  const { message, fieldErrors } = describeError(err);
  // A form shows each field's error beside the field: the summary names no raw field path.
  const first = fieldErrors && Object.values(fieldErrors)[0];
  return { ok: false, message: first ?? message, fieldErrors };
}

/** For route handlers: a JSON error response with the right status. */
export function errorResponse(err: unknown): Response {
  const { status, message, fieldErrors } = describeError(err);
  return Response.json({ error: { message, ...(fieldErrors && { fields: fieldErrors }) } }, { status });
}
