import { z } from 'zod';
import { systemActor } from '@/lib/authz';
import { createApiKey } from '@/lib/tenancy/api-keys';
import { defineCommand } from '../command';

export default defineCommand({
  name: 'apikey create',
  summary: 'Create an API key for a project; the key is printed once and only its hash is kept',
  usage: '--project P [--name N]',
  options: { project: { type: 'string' }, name: { type: 'string' } },
  schema: z.object({ project: z.string({ message: '--project is required' }), name: z.string().optional() }),
  async run(input) {
    const { id, name, prefix, key } = await createApiKey(systemActor, input.project, { name: input.name });
    return { id, projectId: input.project, name, prefix, key };
  },
  format: (k) => `Created API key "${k.name}" (${k.id})\n${k.key}\nStore it now: Zori keeps only its hash and cannot show it again.`,
});
