import nodemailer from 'nodemailer';
import { outboxEnabled, readEnv } from '@/lib/config/env';
import { prisma } from '@/lib/db/client';

export type Mail = { to: string; subject: string; text: string; url?: string };

/**
 * Sends a mail through SMTP_URL, or, with no SMTP configured, writes it to the server log and the
 * local outbox (shown at /dev/outbox) so sign-in works on a fresh machine.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = readEnv();
  if (outboxEnabled(env)) {
    await prisma().outboxMessage.create({ data: mail });
    console.log(`[zori] mail to ${mail.to}: ${mail.subject}${mail.url ? `\n[zori]   ${mail.url}` : ''}`);
    return;
  }
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.EMAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}

export async function listOutbox(limit = 50) {
  return prisma().outboxMessage.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
}
