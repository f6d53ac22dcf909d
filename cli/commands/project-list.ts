import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { listProjects } from '@/lib/tenancy/projects';
import { defineCommand } from '../command';

export default defineCommand({
  name: 'project list',
  summary: "List an organization's projects",
  usage: '--org ORG',
  options: { org: { type: 'string' } },
  schema: z.object({ org: z.string({ message: '--org is required' }) }),
  async run(input) {
    const projects = await listProjects(systemActor, input.org);
    return projects.map(({ id, name, publishableKey, domains, reportingCurrency, timeZone }) => ({ id, name, publishableKey, domains, reportingCurrency, timeZone }));
  },
  format: (projects) =>
    projects.length === 0 ? 'No projects.' : projects.map((p) => `${p.id}  ${p.name}  ${p.publishableKey}  ${p.domains.join(',')}`).join('\n'),
});
