import { headers } from 'next/headers';
import { outboxEnabled, outboxPageEnabled, readEnv } from '@/lib/config/env';
import { PEER_HEADER, peerFromHeader } from '@/lib/http/peer';

/**
 * Where the current request's reader finds sign-in links when no SMTP is configured: 'page' when
 * /dev/outbox answers them (see outboxPageEnabled), 'log' when only the server log has them, null
 * when mail is really sent.
 */
export async function outboxAccess(): Promise<'page' | 'log' | null> {
  const env = readEnv();
  if (!outboxEnabled(env)) return null;
  return outboxPageEnabled(env, peerFromHeader((await headers()).get(PEER_HEADER))) ? 'page' : 'log';
}
