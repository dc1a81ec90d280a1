import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';

/** Sends through an SMTP server (SMTP_URL, e.g. smtp://user:pass@mail.example.jp:587). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send({ to, subject, text, messageId }) {
      await transport.sendMail({ from, to, subject, text, ...(messageId ? { messageId } : {}) });
    },
    async close() {
      transport.close();
    },
  };
}
