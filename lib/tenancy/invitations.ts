import { type Actor, authorizeOrganization, DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/authz';
import { sendMail } from '@/lib/auth/mailer';
import { publicUrl } from '@/lib/config/env';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/client';
import { createInvitationSchema, invitationIdSchema, invitationTokenSchema } from '@/lib/zod/members';
import { newInvitationToken, sha256 } from './tokens';

// Invitations by email. The link carries a random token; only its SHA-256 is stored. A link works
// for 7 days, once, and only for someone signed in with the invited address.

export const INVITATION_DAYS = 7;

const expiry = () => new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
export const invitationUrl = (token: string) => `${publicUrl()}/invitations/${token}`;

async function mailInvitation(to: string, organizationName: string, role: Role, token: string) {
  const url = invitationUrl(token);
  await sendMail({
    to,
    subject: `You are invited to ${organizationName} on Zori`,
    text: `You are invited to join ${organizationName} on Zori as ${role}.\n\nAccept: ${url}\n\nSign in with this address (${to}) to accept. The link expires in ${INVITATION_DAYS} days.`,
    url,
  });
}

export async function listInvitations(actor: Actor, organizationId: string) {
  await authorizeOrganization(actor, organizationId, 'read');
  const rows = await prisma().invitation.findMany({ where: { organizationId, acceptedAt: null }, orderBy: { createdAt: 'asc' } });
  return rows.map(({ id, email, role, expiresAt, createdAt }) => ({ id, email, role, expiresAt, createdAt, expired: expiresAt < new Date() }));
}

/** Invites `email` with `role`; inviting the same address again replaces the earlier link. */
export async function createInvitation(actor: Actor, organizationId: string, input: unknown) {
  const scope = await authorizeOrganization(actor, organizationId, 'manage');
  const { email, role } = createInvitationSchema.parse(input);
  if (role === 'owner' && scope.role !== 'owner') throw new ForbiddenError('Only an owner can invite an owner');
  const org = await prisma().organization.findUniqueOrThrow({ where: { id: organizationId } });
  const alreadyMember = await prisma().membership.findFirst({ where: { organizationId, user: { email } }, select: { id: true } });
  if (alreadyMember) throw new DomainError(`${email} is already a member`, 409, 'email');
  const token = newInvitationToken();
  const invitedById = actor.kind === 'user' ? actor.userId : null;
  const invitation = await prisma().invitation.upsert({
    where: { organizationId_email: { organizationId, email } },
    create: { organizationId, email, role, tokenHash: sha256(token), invitedById, expiresAt: expiry() },
    update: { role, tokenHash: sha256(token), invitedById, expiresAt: expiry(), acceptedAt: null, createdAt: new Date() },
  });
  await mailInvitation(email, org.name, role, token);
  return { invitation, url: invitationUrl(token) };
}

async function pendingInvitation(organizationId: string, input: unknown) {
  const { invitationId } = invitationIdSchema.parse(input);
  const invitation = await prisma().invitation.findFirst({ where: { id: invitationId, organizationId, acceptedAt: null } });
  if (!invitation) throw new NotFoundError('Invitation not found');
  return invitation;
}

/** Sends a fresh link (the old one stops working) with a new 7-day expiry. */
export async function resendInvitation(actor: Actor, organizationId: string, input: unknown) {
  const scope = await authorizeOrganization(actor, organizationId, 'manage');
  const invitation = await pendingInvitation(organizationId, input);
  if (invitation.role === 'owner' && scope.role !== 'owner') throw new ForbiddenError('Only an owner can invite an owner');
  const token = newInvitationToken();
  await prisma().invitation.update({ where: { id: invitation.id }, data: { tokenHash: sha256(token), expiresAt: expiry() } });
  const org = await prisma().organization.findUniqueOrThrow({ where: { id: organizationId } });
  await mailInvitation(invitation.email, org.name, invitation.role, token);
  return { url: invitationUrl(token) };
}

export async function revokeInvitation(actor: Actor, organizationId: string, input: unknown) {
  await authorizeOrganization(actor, organizationId, 'manage');
  const invitation = await pendingInvitation(organizationId, input);
  await prisma().invitation.delete({ where: { id: invitation.id } });
}

async function invitationForToken(rawToken: unknown) {
  const parsed = invitationTokenSchema.safeParse(rawToken);
  const invitation = parsed.success
    ? await prisma().invitation.findUnique({ where: { tokenHash: sha256(parsed.data) }, include: { organization: { select: { name: true } } } })
    : null;
  if (!invitation) throw new NotFoundError('This invitation link is not valid: it may have been revoked or replaced by a newer one');
  return invitation;
}

function userOf(actor: Actor) {
  if (actor.kind !== 'user') throw new UnauthenticatedError('Sign in to accept the invitation');
  return prisma().user.findUniqueOrThrow({ where: { id: actor.userId } });
}

/** What the invitation page shows: whose invitation it is and whether this user can accept it. */
export async function describeInvitation(actor: Actor, rawToken: unknown) {
  const user = await userOf(actor);
  const invitation = await invitationForToken(rawToken);
  const status = invitation.acceptedAt
    ? 'accepted'
    : invitation.expiresAt < new Date()
      ? 'expired'
      : invitation.email !== user.email?.toLowerCase()
        ? 'wrongEmail'
        : 'pending';
  return { organizationId: invitation.organizationId, organizationName: invitation.organization.name, email: invitation.email, role: invitation.role, status } as const;
}

/** Makes the signed-in user a member with the invited role; returns the organization id. */
export async function acceptInvitation(actor: Actor, rawToken: unknown) {
  const user = await userOf(actor);
  const invitation = await invitationForToken(rawToken);
  if (invitation.acceptedAt) throw new DomainError('This invitation has already been accepted', 409);
  if (invitation.expiresAt < new Date()) throw new DomainError('This invitation has expired: ask for a new one', 400);
  if (invitation.email !== user.email?.toLowerCase()) {
    throw new DomainError(`This invitation is for ${invitation.email}: sign in with that address to accept it`, 400);
  }
  await prisma().$transaction(async (tx) => {
    // Marking it accepted only if still pending makes a double submit a no-op instead of a second join.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new DomainError('This invitation has already been accepted', 409);
    const existing = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } } });
    if (!existing) await tx.membership.create({ data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role } });
  });
  return invitation.organizationId;
}
