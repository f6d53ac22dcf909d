import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { createProject } from '@/lib/tenancy/projects';
import { defineCommand } from '../command';

export default defineCommand({
  name: 'project create',
  summary: 'Create a project (one tracked website); prints its id and publishable key',
  usage: '--org ORG --name N [--domain D ...] [--currency usd] [--timezone Europe/Paris]',
  options: {
    org: { type: 'string' },
    name: { type: 'string' },
    domain: { type: 'string', multiple: true },
    currency: { type: 'string' },
    timezone: { type: 'string' },
  },
  schema: z.object({
    org: z.string({ message: '--org is required' }),
    name: z.string({ message: '--name is required' }),
    domain: z.array(z.string()).default([]),
    currency: z.string().optional(),
    timezone: z.string().optional(),
  }),
  async run(input) {
    const project = await createProject(systemActor, input.org, {
      name: input.name,
      domains: input.domain,
      reportingCurrency: input.currency,
      timeZone: input.timezone,
    });
    const { id, organizationId, name, publishableKey, domains, reportingCurrency, timeZone } = project;
    return { id, organizationId, name, publishableKey, domains, reportingCurrency, timeZone };
  },
  format: (p) => `Created project ${p.name}\nid: ${p.id}\npublishable key: ${p.publishableKey}`,
});
