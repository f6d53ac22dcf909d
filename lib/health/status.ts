import { prisma } from '@/lib/db/client';

export type HealthStatus = { status: 'ok' | 'degraded'; app: 'ok'; database: { status: 'ok' | 'error'; latencyMs?: number; error?: string } };

export async function healthStatus(): Promise<HealthStatus> {
  const started = performance.now();
  try {
    await prisma().$queryRawUnsafe('SELECT 1');
    return { status: 'ok', app: 'ok', database: { status: 'ok', latencyMs: Math.round(performance.now() - started) } };
  } catch (err) {
    return { status: 'degraded', app: 'ok', database: { status: 'error', error: (err as Error).message.split('\n')[0] } };
  }
}
