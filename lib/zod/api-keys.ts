import { z } from 'zod';

export const apiKeyNameSchema = z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters');
export const createApiKeySchema = z.object({ name: apiKeyNameSchema.default('API key') });
export const revokeApiKeySchema = z.object({ apiKeyId: z.string().trim().min(1, 'Missing id').max(64, 'Invalid id') });

const API_KEY = /^zori_[0-9A-Za-z]{40}$/;

/** `Authorization: Bearer zori_…` as sent to the public API. A header of the right shape with a
 * key that cannot be one is told so, rather than how to send a key. */
export const bearerSchema = z
  .string()
  .trim()
  .regex(/^Bearer\s+\S+$/i, 'Send the API key as "Authorization: Bearer zori_…"')
  .transform((h) => h.replace(/^Bearer\s+/i, ''))
  .refine((key) => API_KEY.test(key), {
    message: 'This is not a Zori API key: keys are "zori_" followed by 40 letters and digits (create one under the project\'s Settings › API keys)',
  });
