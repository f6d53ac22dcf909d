import { z } from 'zod';
import { emailSchema, roleSchema } from './tenancy';

// Inputs of the members and invitations pages (and the CLI).

export const idSchema = z.string().trim().min(1, 'Missing id').max(64, 'Invalid id');

export const changeRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const removeMemberSchema = z.object({ userId: idSchema });

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema.default('member') });
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const invitationIdSchema = z.object({ invitationId: idSchema });

/** The token from an invitation link: base62, as made by newInvitationToken(). */
export const invitationTokenSchema = z.string().regex(/^[0-9A-Za-z]{20,100}$/, 'This invitation link is not valid');
