import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Mail kept by the capture transport, used when no SMTP_URL is configured (development and demo).
 * Readable at /dev/mail outside production. Never written when SMTP is configured.
 */
export const capturedMail = pgTable('captured_mail', {
  id: uuid().primaryKey().defaultRandom(),
  to: text().notNull(),
  subject: text().notNull(),
  text: text().notNull(),
  createdAt: instant().notNull(),
});
