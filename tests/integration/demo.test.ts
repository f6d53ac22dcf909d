import { describe, expect, it } from 'vitest';
import { authorizeProject, systemActor } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { dashboardView, presetRange } from '@/lib/analytics';
import { pool } from '@/lib/db/client';
import { DEMO_OWNER_EMAIL, DEMO_VIEWER_EMAIL, DemoSeedError, seedDemo } from '@/lib/demo/seed-demo';

describe('demo data', () => {
  it('fails loudly when payments do not land, and a later run starts over and lands them all', async () => {
    // What PGlite did to the first newcomers: some payment inserts silently never arrived.
    await pool().query(`CREATE FUNCTION demo_drop_some() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await pool().query(`CREATE TRIGGER demo_drop_some BEFORE INSERT ON "Payment" FOR EACH ROW WHEN (NEW."projectId" = 'demo-shop' AND NEW."paymentKey" LIKE '%7') EXECUTE FUNCTION demo_drop_some()`);
    try {
      const failed = seedDemo();
      await expect(failed).rejects.toBeInstanceOf(DemoSeedError);
      await expect(failed).rejects.toThrow(/only \d+ of \d+ demo payments were stored.*Run `npm run demo` again/);
    } finally {
      await pool().query(`DROP TRIGGER demo_drop_some ON "Payment"; DROP FUNCTION demo_drop_some()`);
    }
  });

  it('creates a demo organization whose dashboard has revenue, refunds and unattributed payments; runs once', async () => {
    const t0 = Date.now();
    const { projectId, created, payments } = await seedDemo(); // after the failed run above: starts over
    const ms = Date.now() - t0;
    expect(created).toBe(true);
    console.log(`[demo] seeded in ${ms} ms`);
    const project = await prisma().project.findUniqueOrThrow({ where: { id: projectId }, include: { organization: { include: { memberships: { include: { user: true } } } } } });
    expect(project.organization.memberships.map((m) => [m.user.email, m.role]).sort()).toEqual([
      [DEMO_VIEWER_EMAIL, 'viewer'],
      [DEMO_OWNER_EMAIL, 'owner'],
    ].sort());
    const scope = await authorizeProject(systemActor, projectId, 'read');
    const view = await dashboardView(scope, { range: presetRange('90d', project.timeZone, null), model: 'first_touch', mode: 'live', interval: 'week', compare: false });
    expect(view.headline.current.gross).toBeGreaterThan(0);
    expect(view.headline.current.refunds).toBeGreaterThan(0);
    expect(view.headline.current.unattributedPayments).toBeGreaterThan(0);
    expect(view.channels.rows.filter((r) => r.revenue > 0).length).toBeGreaterThanOrEqual(5);
    expect(await prisma().payment.count({ where: { projectId } })).toBe(payments);
    const again = await seedDemo();
    expect(again).toMatchObject({ projectId, created: false, payments });
    expect(await prisma().organization.count({ where: { name: 'Demo organization' } })).toBe(1);
  });
});
