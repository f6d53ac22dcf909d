import { z } from 'zod';

// Stripe inputs: the envelope of a webhook event (after its signature is verified) and the
// self-hosted set-up form / CLI flags.

export const stripeEventSchema = z.object({
  id: z.string().regex(/^evt_\w+$/, 'event id must start with evt_'),
  object: z.literal('event'),
  type: z.string().min(1).max(100),
  created: z.number().int().positive(),
  livemode: z.boolean(),
  api_version: z.string().max(40).nullish(),
  account: z.string().max(64).nullish(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.infer<typeof stripeEventSchema>;

const secretKey = z
  .string()
  .trim()
  .regex(/^(sk_live_|sk_test_|rk_live_|rk_test_)[A-Za-z0-9_]+$/, 'Paste a secret key (sk_live_…, sk_test_…) or a restricted key (rk_…)');
const webhookSecret = z.string().trim().regex(/^whsec_[A-Za-z0-9_+/=]+$/, 'A webhook signing secret starts with whsec_');

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const stripeSettingsSchema = z
  .object({
    secretKey: z.preprocess(blankToUndefined, secretKey.optional()),
    webhookSecret: z.preprocess(blankToUndefined, webhookSecret.optional()),
  })
  .refine((v) => v.secretKey || v.webhookSecret, { message: 'Enter a secret key, a webhook secret, or both', path: ['secretKey'] });
export type StripeSettingsInput = z.infer<typeof stripeSettingsSchema>;

export const inboxEventIdSchema = z.coerce.bigint().positive();
