import { healthStatus } from '@/lib/health/status';
import type { LeanRoute } from '../lean-routes';

export const healthRoute: LeanRoute = {
  name: 'health',
  match: (p) => p === '/api/health',
  async handle(_req, res) {
    const status = await healthStatus();
    res.writeHead(status.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(status));
  },
};
