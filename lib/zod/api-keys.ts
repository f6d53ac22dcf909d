import { z } from 'zod';

export const apiKeyNameSchema = z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters');
export const createApiKeySchema = z.object({ name: apiKeyNameSchema.default('API key') });
export const revokeApiKeySchema = z.object({ apiKeyId: z.string().trim().min(1, 'Missing id').max(64, 'Invalid id') });

/** `Authorization: Bearer zori_…` as sent to the public API. */
export const bearerSchema = z
  .string()
  .trim()
  .regex(/^Bearer\s+(zori_[0-9A-Za-z]{40})$/i, 'Send the API key as "Authorization: Bearer zori_…"')
  .transform((h) => h.replace(/^Bearer\s+/i, ''));
