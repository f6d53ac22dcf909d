import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { saveStripeSettings } from '@/lib/stripe/settings';
import { defineCommand } from '../command';

// The self-hosted Stripe set-up from the command line, with the same checks as Settings >
// Integrations: the key is verified with Stripe before it is saved, and the previous webhook
// secret stays valid next to a new one, so a secret can be rolled without losing events.

export default defineCommand({
  name: 'stripe set',
  summary: "Save a project's Stripe webhook signing secret and/or secret key (checked with Stripe first)",
  usage: '--project P [--webhook-secret whsec_…] [--secret-key sk_…|rk_…]',
  options: { project: { type: 'string' }, 'webhook-secret': { type: 'string' }, 'secret-key': { type: 'string' } },
  schema: z
    .object({ project: z.string({ message: '--project is required' }).min(1), 'webhook-secret': z.string().optional(), 'secret-key': z.string().optional() })
    .refine((f) => f['webhook-secret'] || f['secret-key'], { message: 'Give --webhook-secret, --secret-key or both' }),
  run: (input) => saveStripeSettings(systemActor, input.project, { webhookSecret: input['webhook-secret'], secretKey: input['secret-key'] }),
  format: ({ connection: c, webhookUrl }) =>
    [
      'Stripe set up',
      ...(c?.stripeAccountId ? [`  account:         ${c.accountName ?? ''} ${c.stripeAccountId} (${c.livemode ? 'live' : 'test'} mode)`] : []),
      `  secret key:      ${c?.secretKey ?? 'none'}`,
      `  webhook secrets: ${c?.webhookSecrets.join(', ') || 'none'}`,
      `  webhook URL:     ${webhookUrl}`,
    ].join('\n'),
});
