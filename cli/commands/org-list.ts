import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { listAllOrganizations } from '@/lib/tenancy/instance';
import { defineCommand } from '../command';
import { plural } from '@/lib/format/text';

export default defineCommand({
  name: 'org list',
  summary: 'List every organization with its number of projects and members',
  usage: '',
  options: {},
  schema: z.object({}),
  run: () => listAllOrganizations(systemActor),
  format: (orgs) =>
    orgs.length === 0 ? 'No organizations.' : orgs.map((o) => `${o.id}  ${o.name}  (${plural(o.projects, 'project')}, ${plural(o.members, 'member')})`).join('\n'),
});
