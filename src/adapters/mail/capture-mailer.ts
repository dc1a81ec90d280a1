import type { Database } from '../../db/client.ts';
import { capturedMail } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from './mailer.ts';

/** Keeps mail in the captured_mail table instead of sending it (no SMTP configured). */
export function createCaptureMailer(db: Database, clock: Clock): Mailer {
  return {
    kind: 'capture',
    async send({ to, subject, text }) {
      await db.insert(capturedMail).values({ to, subject, text, createdAt: clock.now() });
    },
    async close() {},
  };
}
