/**
 * MP-9: every morning, mail seekers whose registration lapses within the warning window (7 days
 * by default). Sent once per end date; an extension moves the end date and re-arms the warning.
 * Idempotent: a seeker is marked only after their mail went out, so a retry resumes where it stopped.
 */
import { and, eq, gte, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Mailer } from '../../adapters/mail/mailer.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { accounts, seekers } from '../../db/schema/index.ts';
import { messages } from '../../i18n/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { addDays, tokyoDate } from '../../platform/dates.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { expiryWarningDue } from './registration.rules.ts';

export const expiryWarningJob: JobSpec<Record<string, never>> = {
  name: 'registration.expiry-warning',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '0 9 * * *',
  retryLimit: 3,
};

/** Sends the due warnings; returns how many were sent. */
export async function sendExpiryWarnings(deps: {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  config: Config;
}): Promise<number> {
  const { db, clock, mailer, config } = deps;
  const today = tokyoDate(clock.now());
  const windowEnd = addDays(today, config.registrationWarningDays);
  const candidates = await db
    .select({
      id: seekers.id,
      name: seekers.name,
      active: seekers.active,
      validUntil: seekers.validUntil,
      expiryWarnedFor: seekers.expiryWarnedFor,
      email: accounts.email,
    })
    .from(seekers)
    .innerJoin(accounts, eq(accounts.id, seekers.accountId))
    .where(
      and(
        eq(seekers.active, true),
        gte(seekers.validUntil, today),
        lte(seekers.validUntil, windowEnd),
        or(isNull(seekers.expiryWarnedFor), ne(seekers.expiryWarnedFor, seekers.validUntil)),
        isNotNull(accounts.openedAt),
      ),
    );
  const t = messages('ja');
  let sent = 0;
  for (const s of candidates) {
    if (!expiryWarningDue(s, today, config.registrationWarningDays)) continue;
    await mailer.send({
      to: s.email,
      subject: t.accounts.mail.expirySubject,
      text: t.accounts.mail.expiryBody({
        name: s.name,
        validUntil: t.common.date(s.validUntil),
        baseUrl: config.baseUrl,
      }),
    });
    await db.update(seekers).set({ expiryWarnedFor: s.validUntil }).where(eq(seekers.id, s.id));
    sent++;
  }
  return sent;
}

export const expiryWarningDefinition = (deps: {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  config: Config;
}) =>
  defineJob(expiryWarningJob, async (_payload, { logger }) => {
    const sent = await sendExpiryWarnings(deps);
    logger.info('expiry warnings sent', { sent });
  });
