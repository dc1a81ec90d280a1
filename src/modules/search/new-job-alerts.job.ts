/**
 * 新着求人 alerts in the worker (ADR 0025, AL-2..AL-5, AL-7). At 05:45 in Tokyo the daily job
 * queues one job per slot of the day (ALERT_SLOTS slots of 15 minutes from 06:00); a seeker's
 * alerts always fall in the slot of their id's hash, so 1.9 M seekers spread evenly over the day
 * (about 30,000 a slot) instead of meeting the database at once. A slot job reads its due alerts
 * in bounded batches (keyset on the id, a pause between batches), runs each through the same
 * search as the search page (runSearch, with the alert's days of 受付年月日), and in one
 * transaction moves the cutoff on — only if nobody did since it was read — and notifies with the
 * key `alert:<savedSearchId>:<Tokyo day>`. A second run, a retry or two workers at once send
 * nothing more; 無効 or lapsed registrations are not read at all.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Ports } from '../../deps.ts';
import { type LocalDate, tokyoDate } from '../../platform/dates.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { notify } from '../notifications/notify.ts';
import { type AlertCandidate, advanceAlertCutoff, listAlertsInSlot } from './alerts.repository.ts';
import {
  ALERT_MAX_JOBS,
  ALERT_SLOTS,
  alertDue,
  alertSearchQuery,
  alertStopToken,
  alertWindow,
  slotStart,
} from './alerts.rules.ts';
import { runSearch } from './run-search.ts';
import { searchSchema, searchValues } from './search.schemas.ts';

export const newJobAlertsJob: JobSpec<Record<string, never>> = {
  name: 'search.new-job-alerts',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '45 5 * * *',
  retryLimit: 3,
};

export const alertSlotJob: JobSpec<{ day: string; slot: number }> = {
  name: 'search.new-job-alerts.slot',
  version: 1,
  schema: z.object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    slot: z
      .number()
      .int()
      .min(0)
      .max(ALERT_SLOTS - 1),
  }),
  retryLimit: 3,
  retryDelaySeconds: 60,
};

export type AlertPorts = Ports<'db' | 'clock' | 'queue' | 'logger' | 'secret'>;

/** Alerts read per batch, and the pause after a full batch (pacing, AL-5). */
export const ALERT_BATCH = 100;
export const ALERT_BATCH_PAUSE_MS = 200;

/** Queues today's slot jobs, each to start at its slot's time (one per slot and day). */
export async function scheduleAlertSlots(deps: Ports<'clock' | 'queue'>): Promise<void> {
  const day = tokyoDate(deps.clock.now());
  for (let slot = 0; slot < ALERT_SLOTS; slot++) {
    await deps.queue.enqueue(
      alertSlotJob,
      { day, slot },
      { singletonKey: `new-job-alerts:${day}:${slot}`, startAfter: slotStart(day, slot) },
    );
  }
}

/** Sends one slot's due alerts; returns how many mails were queued. */
export async function sendSlotAlerts(
  deps: AlertPorts,
  opts: { slot: number; batch?: number; pauseMs?: number },
): Promise<number> {
  const batch = opts.batch ?? ALERT_BATCH;
  const today = tokyoDate(deps.clock.now());
  let afterId: string | null = null;
  let sent = 0;
  for (;;) {
    const candidates = await listAlertsInSlot(deps.db, { slot: opts.slot, afterId, limit: batch, today });
    for (const c of candidates) if (await sendAlert(deps, c, today)) sent++;
    if (candidates.length < batch) break;
    afterId = candidates[candidates.length - 1]!.id;
    if (opts.pauseMs ?? ALERT_BATCH_PAUSE_MS) await sleep(opts.pauseMs ?? ALERT_BATCH_PAUSE_MS);
  }
  deps.logger.info('new-job alerts done', { slot: opts.slot, sent });
  return sent;
}

/** Every slot now, one after another (the CLI and tests; the worker runs them at their times). */
export async function sendAllAlerts(deps: AlertPorts, opts: { pauseMs?: number } = {}): Promise<number> {
  let sent = 0;
  for (let slot = 0; slot < ALERT_SLOTS; slot++) sent += await sendSlotAlerts(deps, { ...opts, slot });
  return sent;
}

async function sendAlert(deps: AlertPorts, c: AlertCandidate, today: LocalDate): Promise<boolean> {
  if (!alertDue(c.frequency, c.cutoff, today)) return false;
  const window = alertWindow(c.cutoff, today);
  const parsed = searchSchema.safeParse(searchValues(new URLSearchParams(c.query)));
  // A saved query that no longer parses (saved before a condition changed) finds nothing.
  const results = parsed.success
    ? await runSearch(deps, {
        conditions: { ...parsed.data, sort: 'new', per: '30', page: 1 },
        audience: 'public',
        accepted: { from: window.from, before: window.before },
      })
    : null;
  const cards = (results?.cards ?? []).slice(0, ALERT_MAX_JOBS);
  return deps.db.transaction(async (tx) => {
    const won = await advanceAlertCutoff(tx, c.id, c, window.cutoff);
    if (!won || cards.length === 0 || !results) return false;
    const notified = await notify(deps, tx, {
      recipient: { accountId: c.accountId },
      kind: 'search.new_jobs',
      data: {
        name: c.seekerName,
        searchName: c.name,
        frequency: c.frequency,
        total: Math.max(results.total, cards.length),
        capped: results.capped,
        jobs: cards.map((j) => ({
          jobNumber: j.jobNumber,
          title: j.title,
          employerName: j.employerName,
          prefectureCode: j.prefectureCode,
          city: j.city,
          wageType: j.wageType,
          wageMin: j.wageMin,
          wageMax: j.wageMax,
        })),
        searchQuery: alertSearchQuery(c.query, c.frequency),
        stopToken: alertStopToken(deps.secret, c.id),
      },
      dedupeKey: `alert:${c.id}:${today}`,
    });
    return notified !== null;
  });
}

export const newJobAlertsDefinition = (deps: Ports<'clock'>) =>
  defineJob(newJobAlertsJob, async (_payload, { logger, queue }) => {
    await scheduleAlertSlots({ ...deps, queue });
    logger.info('new-job alert slots queued', { slots: ALERT_SLOTS });
  });

export const alertSlotDefinition = (deps: Ports<'db' | 'clock' | 'secret'>) =>
  defineJob(alertSlotJob, async (payload, { logger, queue }) => {
    await sendSlotAlerts({ ...deps, queue, logger }, { slot: payload.slot });
  });
