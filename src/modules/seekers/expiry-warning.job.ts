/**
 * MP-9: every morning, warn seekers whose registration lapses within the warning window (7 days
 * by default), through the one notification path (inbox + mail, ADR 0013). Sent once per end date;
 * an extension moves the end date and re-arms the warning. Idempotent: each seeker's notice and
 * mark commit together, and the notice carries a key per seeker and day, so a retry or a second
 * run on the same day queues nothing more.
 */
import { z } from 'zod';
import type { Ports } from '../../deps.ts';
import { addDays, tokyoDate } from '../../platform/dates.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { notify } from '../notifications/notify.ts';
import { expiryWarningDue } from './registration.rules.ts';
import { listExpiryWarningCandidates, markExpiryWarned } from './seekers.repository.ts';

export const expiryWarningJob: JobSpec<Record<string, never>> = {
  name: 'registration.expiry-warning',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '0 9 * * *',
  retryLimit: 3,
};

/** Queues the due warnings; returns how many were queued. */
export async function sendExpiryWarnings(deps: Ports<'db' | 'clock' | 'queue' | 'config'>): Promise<number> {
  const { db, clock, config } = deps;
  const today = tokyoDate(clock.now());
  const windowEnd = addDays(today, config.registrationWarningDays);
  const candidates = await listExpiryWarningCandidates(db, today, windowEnd);
  let queued = 0;
  for (const s of candidates) {
    if (!expiryWarningDue(s, today, config.registrationWarningDays)) continue;
    const done = await db.transaction(async (tx) => {
      const notified = await notify(deps, tx, {
        recipient: { accountId: s.accountId },
        kind: 'seeker.registration_expiring',
        data: { name: s.name, validUntil: s.validUntil },
        dedupeKey: `expiry-warning:${s.id}:${today}`,
      });
      await markExpiryWarned(tx, s.id, s.validUntil);
      return notified !== null;
    });
    if (done) queued++;
  }
  return queued;
}

export const expiryWarningDefinition = (deps: Ports<'db' | 'clock' | 'config'>) =>
  defineJob(expiryWarningJob, async (_payload, { logger, queue }) => {
    const queued = await sendExpiryWarnings({ ...deps, queue });
    logger.info('expiry warnings queued', { queued });
  });
