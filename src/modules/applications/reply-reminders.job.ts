/**
 * The reply promise in the worker (ADR 0023): every morning at 09:00 in Tokyo, each application
 * still 応募中 whose 回答予定日 has passed (`overdueIfDueBefore`) and whose employer was not yet
 * reminded gets one reminder to the employer's account — a notice in 求人者マイページ and a mail
 * (`application.reply_overdue`). In bounded batches, each in one transaction: the rows are locked
 * (`SKIP LOCKED`), notified with the key `reply-overdue:<application>` and marked
 * `reply_reminded_at`, or, rolled back, none of it. A second run, a retry, or a run after one killed
 * half-way finds the committed batches marked: each application is reminded exactly once.
 */
import { z } from 'zod';
import type { Ports } from '../../deps.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { type Notification, notifyMany } from '../notifications/notify.ts';
import { lockRemindersDue, markReminded } from './reply.repository.ts';
import { overdueIfDueBefore, replyOverdue } from './reply.rules.ts';

export const replyRemindersJob: JobSpec<Record<string, never>> = {
  name: 'applications.reply-reminders',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '0 9 * * *',
  retryLimit: 3,
};

export type ReplyReminderPorts = Ports<'db' | 'clock' | 'queue' | 'logger'>;

/** Applications per transaction. */
export const REMINDER_BATCH = 100;

/** Sends the due reminders; returns how many applications were reminded in this run. */
export async function sendReplyReminders(
  deps: ReplyReminderPorts,
  opts: { batch?: number } = {},
): Promise<number> {
  const batch = opts.batch ?? REMINDER_BATCH;
  const now = deps.clock.now();
  const today = tokyoDate(now);
  const dueBefore = overdueIfDueBefore(today);
  let reminded = 0;
  for (;;) {
    const { found, marked } = await deps.db.transaction(async (tx) => {
      const due = (await lockRemindersDue(tx, dueBefore, batch)).filter((r) => replyOverdue(r, today));
      const notifications: Notification<'application.reply_overdue'>[] = due.flatMap((r) =>
        r.employerAccountId && r.replyDueOn
          ? [
              {
                recipient: { accountId: r.employerAccountId },
                kind: 'application.reply_overdue' as const,
                data: {
                  applicationId: r.id,
                  jobNumber: r.jobNumber ?? '',
                  title: r.title,
                  dueOn: r.replyDueOn,
                },
                dedupeKey: `reply-overdue:${r.id}`,
              },
            ]
          : [],
      );
      await notifyMany(deps, tx, notifications);
      const ids = await markReminded(
        tx,
        due.map((r) => r.id),
        now,
      );
      return { found: due.length, marked: ids };
    });
    for (const id of marked) deps.logger.info('reply reminder sent', { applicationId: id });
    reminded += marked.length;
    // A short batch is the last; a batch that marked nothing cannot make progress either.
    if (found < batch || marked.length === 0) break;
  }
  deps.logger.info('reply reminders done', { dueBefore, reminded });
  return reminded;
}

export const replyRemindersDefinition = (deps: Ports<'db' | 'clock'>) =>
  defineJob(replyRemindersJob, async (_payload, { logger, queue }) => {
    await sendReplyReminders({ ...deps, queue, logger });
  });
