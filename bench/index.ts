// `npm run bench`: runs every benchmark in turn. Add yours to the list.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const BENCHES = ['ingest.ts', 'webhooks.ts', 'connect-webhook.ts', 'dashboard.ts', 'pages.ts'];

for (const file of BENCHES) {
  console.log(`\n=== bench/${file} ===`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, file)], { stdio: 'inherit' });
}
