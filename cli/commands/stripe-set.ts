import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { describeError } from '@/lib/http/errors';
import { saveStripeSettings } from '@/lib/stripe/settings';

// `zori stripe set --project P --webhook-secret whsec_… [--secret-key sk_…|rk_…]`: the self-hosted
// Stripe set-up from the command line (same checks as Settings > Integrations: the key is verified
// with Stripe before it is saved). Expects the CLI entry point to have set up the database.

export const stripeSetHelp = `Usage: zori stripe set --project <projectId> [--webhook-secret whsec_…] [--secret-key sk_…|rk_…]

Saves the project's Stripe webhook signing secret and/or secret key (checked with Stripe first).
The previous webhook secret stays valid next to the new one, so a secret can be rolled without losing events.`;

const flagsSchema = z.object({ project: z.string().min(1, '--project is required'), 'webhook-secret': z.string().optional(), 'secret-key': z.string().optional() });

export type CommandIO = { out: (line: string) => void; err: (line: string) => void };

/** Returns the process exit code. */
export async function stripeSet(argv: string[], io: CommandIO = { out: console.log, err: console.error }): Promise<number> {
  let flags: z.infer<typeof flagsSchema>;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { project: { type: 'string' }, 'webhook-secret': { type: 'string' }, 'secret-key': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      io.out(stripeSetHelp);
      return 0;
    }
    flags = flagsSchema.parse(values);
  } catch (err) {
    io.err(`${err instanceof z.ZodError ? err.issues[0]?.message : err instanceof Error ? err.message : String(err)}\n\n${stripeSetHelp}`);
    return 2;
  }
  try {
    const result = await saveStripeSettings(systemActor, flags.project, { webhookSecret: flags['webhook-secret'], secretKey: flags['secret-key'] });
    const c = result.connection;
    io.out(`Stripe set up for project ${flags.project}`);
    if (c?.stripeAccountId) io.out(`  account:         ${c.accountName ?? ''} ${c.stripeAccountId} (${c.livemode ? 'live' : 'test'} mode)`);
    io.out(`  secret key:      ${c?.secretKey ?? 'none'}`);
    io.out(`  webhook secrets: ${c?.webhookSecrets.join(', ') || 'none'}`);
    io.out(`  webhook URL:     ${result.webhookUrl}`);
    return 0;
  } catch (err) {
    const { message, fieldErrors } = describeError(err);
    io.err(`Error: ${message}`);
    for (const [field, msg] of Object.entries(fieldErrors ?? {})) if (msg !== message) io.err(`  ${field}: ${msg}`);
    return 1;
  }
}
