import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { insertCapturedMail } from './captured-mail.repository.ts';
import type { Mailer } from './mailer.ts';

/** Keeps mail in the captured_mail table instead of sending it (no SMTP configured). */
export function createCaptureMailer(db: Database, clock: Clock): Mailer {
  return {
    kind: 'capture',
    async send({ to, subject, text }) {
      await insertCapturedMail(db, { to, subject, text, now: clock.now() });
    },
    async close() {},
  };
}
