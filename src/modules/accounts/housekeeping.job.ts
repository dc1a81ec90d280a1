/**
 * Nightly housekeeping: expired sessions, codes, kept forms, trusted browsers and throttle windows are deleted,
 * mailed codes that never went out are scrubbed from mail deliveries;
 * jobs past their 紹介期限日 leave the search index.
 */
import { z } from 'zod';
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { scrubExpiredCodes } from '../notifications/notifications.repository.ts';
import { deleteExpiredSearchRows } from '../search/search.repository.ts';
import { deleteExpiredKeptForms } from './kept-forms.repository.ts';
import { deleteOldRateLimits } from './rate-limits.repository.ts';
import { deleteExpiredSessions } from './sessions.repository.ts';
import { deleteExpiredTrustedDevices } from './trusted-devices.repository.ts';
import { deleteExpiredVerifications } from './verifications.repository.ts';

export const housekeepingJob: JobSpec<Record<string, never>> = {
  name: 'maintenance.housekeeping',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '30 3 * * *',
  retryLimit: 2,
};

export async function runHousekeeping(deps: Ports<'db' | 'clock'>) {
  const now = deps.clock.now();
  const sessions = await deleteExpiredSessions(deps.db, now);
  const codes = await deleteExpiredVerifications(deps.db, now);
  const keptForms = await deleteExpiredKeptForms(deps.db, now);
  await deleteExpiredTrustedDevices(deps.db, now);
  await deleteOldRateLimits(deps.db, new Date(now.getTime() - 24 * 3_600_000));
  const searchRows = await deleteExpiredSearchRows(deps.db, tokyoDate(now));
  // Mailed codes live at most 30 minutes; one still stored after an hour never reached its mail.
  const scrubbedCodes = await scrubExpiredCodes(deps.db, new Date(now.getTime() - 3_600_000));
  return { sessions, codes, keptForms, searchRows, scrubbedCodes };
}

export const housekeepingDefinition = (deps: Ports<'db' | 'clock'>) =>
  defineJob(housekeepingJob, async (_payload, { logger }) => {
    logger.info('housekeeping done', await runHousekeeping(deps));
  });
