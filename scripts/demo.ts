// npm run demo: loads the demo organization into the configured database (embedded when DATABASE_URL is unset).
import 'dotenv/config';
import { bootstrap } from '@/lib/config/bootstrap';
import { disconnect } from '@/lib/db/client';
import { DEMO_OWNER_EMAIL, DEMO_VIEWER_EMAIL, seedDemo } from '@/lib/demo/seed-demo';

async function main() {
  const { embedded } = await bootstrap();
  try {
    const t0 = Date.now();
    const { projectId, created } = await seedDemo();
    console.log(
      created
        ? `[zori] demo data loaded in ${Date.now() - t0} ms: sign in as ${DEMO_OWNER_EMAIL} (owner) or ${DEMO_VIEWER_EMAIL} (viewer); dashboard at /projects/${projectId}`
        : `[zori] the demo is already loaded: /projects/${projectId}`,
    );
  } finally {
    await disconnect();
    await embedded?.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
