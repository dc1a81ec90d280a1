/**
 * Every background job the worker runs, built by the composition (src/compose.ts) from the same
 * ports as the web app, plus the mailer, which only the mail job uses.
 */
import type { Mailer } from './adapters/mail/mailer.ts';
import type { Ports } from './deps.ts';
import { housekeepingDefinition } from './modules/accounts/housekeeping.job.ts';
import { documentRetentionDefinition } from './modules/applications/document-retention.job.ts';
import { draftCleanupDefinition } from './modules/applications/draft-cleanup.job.ts';
import { replyRemindersDefinition } from './modules/applications/reply-reminders.job.ts';
import { scanDocumentsDefinition, scanSweepDefinition } from './modules/applications/scan-documents.job.ts';
import { closeExpiredJobsDefinition } from './modules/jobs/close-expired-jobs.job.ts';
import { mailJobDefinition } from './modules/notifications/mail.job.ts';
import { alertSlotDefinition, newJobAlertsDefinition } from './modules/search/new-job-alerts.job.ts';
import { expiryWarningDefinition } from './modules/seekers/expiry-warning.job.ts';
import type { JobDefinition } from './platform/queue.ts';

/** What the job handlers need; the queue itself reaches them at run time (JobContext). */
export type JobDeps = Ports<
  'dbHandle' | 'clock' | 'logger' | 'config' | 'virusScanner' | 'storage' | 'secret' | 'metrics' | 'ledger'
> & {
  mailer: Mailer;
};

export function jobDefinitions(deps: JobDeps): JobDefinition[] {
  const { mailer, dbHandle, clock, config, virusScanner, storage, secret, metrics, ledger } = deps;
  return [
    mailJobDefinition({
      db: dbHandle.db,
      mailer,
      clock,
      baseUrl: config.baseUrl,
      countMail: metrics.countMail,
    }),
    expiryWarningDefinition({ db: dbHandle.db, clock, config }),
    housekeepingDefinition({ db: dbHandle.db, clock }),
    closeExpiredJobsDefinition({ db: dbHandle.db, clock }),
    scanDocumentsDefinition({ db: dbHandle.db, clock, scanner: virusScanner, storage, ledger }),
    scanSweepDefinition({ db: dbHandle.db }),
    draftCleanupDefinition({ db: dbHandle.db, clock, storage, ledger }),
    documentRetentionDefinition({ db: dbHandle.db, clock, config, storage, ledger }),
    replyRemindersDefinition({ db: dbHandle.db, clock }),
    newJobAlertsDefinition({ clock }),
    alertSlotDefinition({ db: dbHandle.db, clock, secret }),
  ];
}
