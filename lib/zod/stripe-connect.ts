import { z } from 'zod';

// Inputs of the Connect Stripe routes: our own links and forms, and Stripe's redirect back.

const projectId = z.string().min(1).max(64);

export const connectStartQuery = z.object({ projectId });

/** Stripe's redirect to the callback: `code`+`scope`+`state`, or `error`+`error_description`+`state`. */
export const connectCallbackQuery = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(512).optional(),
  scope: z.string().max(64).optional(),
  error: z.string().max(128).optional(),
  error_description: z.string().max(1000).optional(),
});

export const connectProjectBody = z.object({ projectId });
export const connectMoveBody = z.object({ projectId, moveId: z.string().min(1).max(64) });
