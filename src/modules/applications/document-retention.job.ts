/**
 * DR-1, DR-2 in the worker (ADR 0022): every night in Tokyo, after the jobs past their 紹介期限日
 * were closed (jobs.close-expired at 00:05), the documents of applications whose job became 無効
 * N month-ends ago (`retentionDueBefore`) are erased. Each batch is marked in one transaction
 * (cause `retention`), then its bytes are deleted. Idempotent and resumable: a run first finishes
 * every erasure a crash or a storage outage left half-done (marked, bytes still kept), an
 * application is marked only once, and a document whose bytes are gone is never deleted again.
 * Every application erased is logged with its document count.
 */
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { tokyoDate } from '../../platform/dates.ts';
import type { Logger } from '../../platform/logger.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { listUnfinishedErasures, markRetentionDue } from './applications.repository.ts';
import { type DocumentStorage, eraseApplicationDocuments, type LedgerWriter } from './erase-documents.ts';
import { retentionDueBefore } from './retention.rules.ts';

export const documentRetentionJob: JobSpec<Record<string, never>> = {
  name: 'documents.retention',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '30 0 * * *',
  retryLimit: 3,
};

export interface RetentionPorts {
  db: Database;
  clock: Clock;
  logger: Logger;
  storage: DocumentStorage;
  ledger: LedgerWriter;
  config: { documentRetentionMonths: number };
}

export interface RetentionResult {
  /** Applications whose retention end was noted in this run. */
  applications: number;
  /** Files deleted (including those of erasures finished for an earlier run, a cancel or a result). */
  documents: number;
  /** Half-done erasures (marked, bytes still kept) finished first. */
  resumed: number;
  /** Applications whose files could not all be deleted now (storage failing): the next run retries. */
  failed: number;
}

const BATCH = 200;
/** Half-done erasures are rare (a crash, a storage outage): one pass per run, never a loop. */
const RESUME_LIMIT = 1000;

export class RetentionIncomplete extends Error {
  constructor(readonly failed: number) {
    super(`document retention: ${failed} application(s) still have files to delete; the next run retries`);
    this.name = 'RetentionIncomplete';
  }
}

export async function runDocumentRetention(deps: RetentionPorts): Promise<RetentionResult> {
  const now = deps.clock.now();
  const closedBefore = retentionDueBefore(tokyoDate(now), deps.config.documentRetentionMonths);
  const result: RetentionResult = { applications: 0, documents: 0, resumed: 0, failed: 0 };
  const erase = async (applicationId: string, cause: 'resumed' | 'retention') => {
    try {
      const documents = await eraseApplicationDocuments(deps, applicationId);
      deps.logger.info('documents erased', { applicationId, cause, documents });
      result.documents += documents;
    } catch (error) {
      // Marked erased already (hidden from both MyPages); the bytes go on the next run.
      deps.logger.error('documents not erased yet', { applicationId, cause, error });
      result.failed++;
    }
  };
  // 1. What an earlier run, a cancel or a result marked but could not finish deleting.
  for (const id of await listUnfinishedErasures(deps.db, RESUME_LIMIT)) {
    await erase(id, 'resumed');
    result.resumed++;
  }
  // 2. Applications whose job closed before the cutoff and whose documents are still kept.
  for (;;) {
    const ids = await deps.db.transaction((tx) => markRetentionDue(tx, closedBefore, now, BATCH));
    for (const id of ids) await erase(id, 'retention');
    result.applications += ids.length;
    if (ids.length < BATCH) break;
  }
  deps.logger.info('document retention done', { closedBefore, ...result });
  return result;
}

/** The daily job; it fails (and pg-boss retries it) when files are left to delete. */
export const documentRetentionDefinition = (deps: Omit<RetentionPorts, 'logger'>) =>
  defineJob(documentRetentionJob, async (_payload, { logger }) => {
    const result = await runDocumentRetention({ ...deps, logger });
    if (result.failed > 0) throw new RetentionIncomplete(result.failed);
  });
