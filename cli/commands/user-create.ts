import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { createUser } from '@/lib/tenancy/instance';
import { defineCommand } from '../command';

export default defineCommand({
  name: 'user create',
  summary: 'Create a user (with a personal organization) who can sign in by magic link',
  usage: '--email E',
  options: { email: { type: 'string' } },
  schema: z.object({ email: z.string({ message: '--email is required' }) }),
  run: (input) => createUser(systemActor, input.email),
  format: (u) => `Created user ${u.email}\nid: ${u.id}\npersonal organization: ${u.organizationId}`,
});
