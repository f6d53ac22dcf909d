import { describe, expect, it } from 'vitest';
import { authorizeOrganization, authorizeProject, ForbiddenError, NotFoundError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { createProject, deleteProject, updateProject } from '@/lib/tenancy/projects';
import { actorOf, makeTenant } from '../helpers/factories';

describe('the authorization path', () => {
  it('gives members of the organization the scope their role allows', async () => {
    const t = await makeTenant(['owner', 'admin', 'member', 'viewer']);
    for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
      const scope = await authorizeProject(actorOf(t.byRole[role]!), t.project.id, 'read');
      expect(scope.role).toBe(role);
      expect(scope.organizationId).toBe(t.org.id);
    }
    await expect(authorizeProject(actorOf(t.byRole.viewer!), t.project.id, 'write')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(authorizeProject(actorOf(t.byRole.member!), t.project.id, 'manage')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(authorizeProject(actorOf(t.byRole.admin!), t.project.id, 'manage')).resolves.toBeTruthy();
  });

  it('answers NotFound, never Forbidden, to other tenants and unknown ids', async () => {
    const a = await makeTenant(['owner']);
    const b = await makeTenant(['owner']);
    await expect(authorizeProject(actorOf(b.byRole.owner!), a.project.id, 'read')).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorizeOrganization(actorOf(b.byRole.owner!), a.org.id, 'read')).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorizeProject(actorOf(a.byRole.owner!), 'does-not-exist', 'read')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('limits an API key to reading its own project', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const key = { kind: 'apiKey' as const, apiKeyId: 'k', projectId: a.project.id };
    await expect(authorizeProject(key, a.project.id, 'read')).resolves.toBeTruthy();
    await expect(authorizeProject(key, a.project.id, 'write')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(authorizeProject(key, b.project.id, 'read')).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorizeOrganization(key, a.org.id, 'read')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('projects', () => {
  it('refuses duplicate names in one organization, ignoring case, and changes nothing', async () => {
    const t = await makeTenant();
    const owner = actorOf(t.byRole.owner!);
    await createProject(owner, t.org.id, { name: 'Shop' });
    await expect(createProject(owner, t.org.id, { name: '  shop ' })).rejects.toThrow(/already exists/);
    expect(await prisma().project.count({ where: { organizationId: t.org.id } })).toBe(2);
  });

  it('validates settings and keeps the stored project on bad input', async () => {
    const t = await makeTenant();
    const owner = actorOf(t.byRole.owner!);
    await expect(updateProject(owner, t.project.id, { reportingCurrency: 'dollars' })).rejects.toThrow(/three-letter/);
    await expect(updateProject(owner, t.project.id, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
    const after = await prisma().project.findUniqueOrThrow({ where: { id: t.project.id } });
    expect(after).toEqual(t.project);
  });

  it('deletes a project only when its name is typed exactly', async () => {
    const t = await makeTenant();
    const owner = actorOf(t.byRole.owner!);
    await expect(deleteProject(owner, t.project.id, 'wrong')).rejects.toThrow(/Type the project name/);
    await deleteProject(owner, t.project.id, t.project.name);
    expect(await prisma().project.findUnique({ where: { id: t.project.id } })).toBeNull();
  });
});
