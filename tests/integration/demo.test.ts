import { describe, expect, it } from 'vitest';
import { authorizeProject, systemActor } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { dashboardView, presetRange } from '@/lib/analytics';
import { DEMO_OWNER_EMAIL, DEMO_VIEWER_EMAIL, seedDemo } from '@/lib/demo/seed-demo';

describe('demo data', () => {
  it('creates a demo organization whose dashboard has revenue, refunds and unattributed payments; runs once', async () => {
    const t0 = Date.now();
    const { projectId, created } = await seedDemo();
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
    const again = await seedDemo();
    expect(again).toEqual({ projectId, created: false });
    expect(await prisma().organization.count({ where: { name: 'Demo organization' } })).toBe(1);
  });
});
