import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { createOrganizationAsAdmin } from '@/lib/tenancy/instance';
import { defineCommand } from '../command';

export default defineCommand({
  name: 'org create',
  summary: 'Create an organization, optionally owned by a user (created if unknown)',
  usage: '--name N [--owner-email E]',
  options: { name: { type: 'string' }, 'owner-email': { type: 'string' } },
  schema: z.object({ name: z.string({ message: '--name is required' }), 'owner-email': z.string().optional() }),
  run: (input) => createOrganizationAsAdmin(systemActor, { name: input.name, ownerEmail: input['owner-email'] }),
  format: (org) => `Created organization ${org.name}\nid: ${org.id}${org.ownerEmail ? `\nowner: ${org.ownerEmail}` : '\n(no members yet: pass --owner-email to give it an owner)'}`,
});
