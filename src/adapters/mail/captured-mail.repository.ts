/** Mail kept instead of sent when no SMTP server is configured (read at /dev/mail outside production). */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { capturedMail } from '../../db/schema/index.ts';

export type CapturedMail = typeof capturedMail.$inferSelect;

export async function insertCapturedMail(
  db: Executor,
  row: { to: string; subject: string; text: string; now: Date },
): Promise<void> {
  await db
    .insert(capturedMail)
    .values({ to: row.to, subject: row.subject, text: row.text, createdAt: row.now });
}

/** The latest captured mails, newest first. */
export async function listCapturedMail(db: Executor, limit = 100): Promise<CapturedMail[]> {
  return db.select().from(capturedMail).orderBy(desc(capturedMail.createdAt)).limit(limit);
}

export async function findCapturedMail(db: Executor, id: string): Promise<CapturedMail | undefined> {
  const [row] = await db.select().from(capturedMail).where(eq(capturedMail.id, id));
  return row;
}
