/** Every background job the worker runs, built with the dependencies their handlers need. */
import type { Mailer } from './adapters/mail/mailer.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/client.ts';
import { housekeepingDefinition } from './modules/accounts/housekeeping.job.ts';
import { closeExpiredJobsDefinition } from './modules/jobs/close-expired-jobs.job.ts';
import { mailJobDefinition } from './modules/notifications/mail.job.ts';
import { expiryWarningDefinition } from './modules/seekers/expiry-warning.job.ts';
import type { Clock } from './platform/clock.ts';
import type { Logger } from './platform/logger.ts';
import type { JobDefinition } from './platform/queue.ts';

export interface JobDeps {
  mailer: Mailer;
  dbHandle: DbHandle;
  clock: Clock;
  logger: Logger;
  config: Config;
}

export function jobDefinitions(deps: JobDeps): JobDefinition[] {
  const { mailer, dbHandle, clock, config } = deps;
  return [
    mailJobDefinition({ db: dbHandle.db, mailer, clock, baseUrl: config.baseUrl }),
    expiryWarningDefinition({ db: dbHandle.db, clock, config }),
    housekeepingDefinition({ db: dbHandle.db, clock }),
    closeExpiredJobsDefinition({ db: dbHandle.db, clock }),
  ];
}
