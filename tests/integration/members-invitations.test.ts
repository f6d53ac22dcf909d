import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from '@/lib/tenancy/api-keys';
import { acceptInvitation, createInvitation, describeInvitation, listInvitations, resendInvitation, revokeInvitation } from '@/lib/tenancy/invitations';
import { changeMemberRole, listMembers, removeMember } from '@/lib/tenancy/members';
import { sha256 } from '@/lib/tenancy/tokens';
import { actorOf, makeTenant, makeUser } from '../helpers/factories';

const tokenOf = (url: string) => url.split('/invitations/')[1];

describe('members', () => {
  it('never removes or demotes the last owner', async () => {
    const t = await makeTenant(['owner', 'admin']);
    const owner = actorOf(t.byRole.owner!);
    await expect(changeMemberRole(owner, t.org.id, { userId: t.byRole.owner!.id, role: 'admin' })).rejects.toThrow(/at least one owner/);
    await expect(removeMember(owner, t.org.id, { userId: t.byRole.owner!.id })).rejects.toThrow(/at least one owner/);
    await changeMemberRole(owner, t.org.id, { userId: t.byRole.admin!.id, role: 'owner' });
    await changeMemberRole(owner, t.org.id, { userId: t.byRole.owner!.id, role: 'viewer' });
    const roles = Object.fromEntries((await listMembers(owner, t.org.id)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [t.byRole.owner!.id]: 'viewer', [t.byRole.admin!.id]: 'owner' });
  });

  it('lets admins manage members but not owners, and refuses viewers', async () => {
    const t = await makeTenant(['owner', 'admin', 'member', 'viewer']);
    const admin = actorOf(t.byRole.admin!);
    await expect(changeMemberRole(admin, t.org.id, { userId: t.byRole.owner!.id, role: 'viewer' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(admin, t.org.id, { userId: t.byRole.member!.id, role: 'owner' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(actorOf(t.byRole.viewer!), t.org.id, { userId: t.byRole.member!.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(admin, t.org.id, { userId: t.byRole.member!.id, role: 'boss' })).rejects.toThrow(/Role must be/);
    await removeMember(admin, t.org.id, { userId: t.byRole.member!.id });
    expect(await prisma().membership.count({ where: { organizationId: t.org.id } })).toBe(3);
  });
});

describe('invitations', () => {
  it('mails a link whose token is stored only hashed; the invited address accepts it once', async () => {
    const t = await makeTenant(['owner']);
    const owner = actorOf(t.byRole.owner!);
    const email = `invitee-${Date.now()}@example.test`;
    const { invitation, url } = await createInvitation(owner, t.org.id, { email: email.toUpperCase(), role: 'viewer' });
    const token = tokenOf(url);
    expect(invitation.email).toBe(email);
    expect(invitation.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(await prisma().invitation.findUnique({ where: { id: invitation.id } }))).not.toContain(token);
    const mail = await prisma().outboxMessage.findFirst({ where: { to: email }, orderBy: { createdAt: 'desc' } });
    expect(mail?.url).toBe(url);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const stranger = await makeUser();
    expect((await describeInvitation(actorOf(stranger), token)).status).toBe('wrongEmail');
    await expect(acceptInvitation(actorOf(stranger), token)).rejects.toThrow(/sign in with that address/);
    expect(await prisma().membership.count({ where: { organizationId: t.org.id } })).toBe(1);

    const invitee = await makeUser(email);
    expect(await acceptInvitation(actorOf(invitee), token)).toBe(t.org.id);
    await expect(acceptInvitation(actorOf(invitee), token)).rejects.toThrow(/already been accepted/);
    const membership = await prisma().membership.findUnique({ where: { organizationId_userId: { organizationId: t.org.id, userId: invitee.id } } });
    expect(membership?.role).toBe('viewer');
    expect(await listInvitations(owner, t.org.id)).toEqual([]);
  });

  it('refuses expired, revoked and replaced links', async () => {
    const t = await makeTenant(['owner']);
    const owner = actorOf(t.byRole.owner!);
    const invitee = await makeUser();
    const first = await createInvitation(owner, t.org.id, { email: invitee.email, role: 'member' });
    const resent = await resendInvitation(owner, t.org.id, { invitationId: first.invitation.id });
    await expect(acceptInvitation(actorOf(invitee), tokenOf(first.url))).rejects.toBeInstanceOf(NotFoundError);
    await prisma().invitation.update({ where: { id: first.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(actorOf(invitee), tokenOf(resent.url))).rejects.toThrow(/expired/);
    await revokeInvitation(owner, t.org.id, { invitationId: first.invitation.id });
    await expect(acceptInvitation(actorOf(invitee), tokenOf(resent.url))).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptInvitation(actorOf(invitee), 'not a token!')).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma().membership.count({ where: { organizationId: t.org.id } })).toBe(1);
  });

  it('refuses inviting existing members, bad addresses, and owners invited by admins', async () => {
    const t = await makeTenant(['owner', 'admin']);
    await expect(createInvitation(actorOf(t.byRole.owner!), t.org.id, { email: t.byRole.admin!.email, role: 'member' })).rejects.toThrow(/already a member/);
    await expect(createInvitation(actorOf(t.byRole.owner!), t.org.id, { email: 'nope', role: 'member' })).rejects.toThrow(/valid email/);
    await expect(createInvitation(actorOf(t.byRole.admin!), t.org.id, { email: 'x@example.test', role: 'owner' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma().invitation.count({ where: { organizationId: t.org.id } })).toBe(0);
  });
});

describe('API keys', () => {
  it('shows the key once, stores its hash, authenticates it and stops after revocation', async () => {
    const t = await makeTenant(['owner', 'viewer']);
    const owner = actorOf(t.byRole.owner!);
    const created = await createApiKey(owner, t.project.id, { name: 'Reporting' });
    expect(created.key).toMatch(/^zori_[0-9A-Za-z]{40}$/);
    const stored = await prisma().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.keyHash).toBe(sha256(created.key));
    expect(created.key.startsWith(stored.prefix)).toBe(true);
    expect(JSON.stringify(await listApiKeys(owner, t.project.id))).not.toContain(created.key);

    expect(await authenticateApiKey(`Bearer ${created.key}`)).toEqual({ kind: 'apiKey', apiKeyId: created.id, projectId: t.project.id });
    const firstUse = (await prisma().apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(firstUse).toBeInstanceOf(Date);
    await authenticateApiKey(`Bearer ${created.key}`);
    expect((await prisma().apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(firstUse);

    await expect(revokeApiKey(actorOf(t.byRole.viewer!), t.project.id, { apiKeyId: created.id })).rejects.toBeInstanceOf(ForbiddenError);
    await revokeApiKey(owner, t.project.id, { apiKeyId: created.id });
    await expect(authenticateApiKey(`Bearer ${created.key}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(authenticateApiKey(`Bearer zori_${'x'.repeat(40)}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(authenticateApiKey(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
