import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { readEnv } from '@/lib/config/env';
import { prisma } from '@/lib/db/client';
import { ensurePersonalOrganization } from '@/lib/tenancy/onboarding';
import { sendMail } from './mailer';

const MAGIC_LINK_MINUTES = 15;

export function authOptions(): NextAuthOptions {
  const env = readEnv();
  const providers: NextAuthOptions['providers'] = [
    EmailProvider({
      // The transport is ours (sendMail); next-auth only needs a value here.
      server: env.SMTP_URL ?? 'smtp://localhost:25',
      from: env.EMAIL_FROM,
      maxAge: MAGIC_LINK_MINUTES * 60,
      async sendVerificationRequest({ identifier, url }) {
        await sendMail({
          to: identifier,
          subject: 'Sign in to Zori',
          text: `Sign in to Zori:\n\n${url}\n\nThe link works once and expires in ${MAGIC_LINK_MINUTES} minutes. If you did not ask for it, ignore this mail.`,
          url,
        });
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return {
    // The Prisma 7 client is structurally what the adapter expects.
    adapter: PrismaAdapter(prisma() as never),
    session: { strategy: 'database', maxAge: 30 * 24 * 3600 },
    secret: env.NEXTAUTH_SECRET,
    providers,
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin/error' },
    events: {
      async createUser({ user }) {
        await ensurePersonalOrganization(user.id);
      },
    },
    callbacks: {
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
}
