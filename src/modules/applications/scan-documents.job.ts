/**
 * AP-5 in the worker (ADR 0021): every document of an application is scanned before the employer
 * may download it. Clean → `clean`. Suspect → `withheld`: its bytes are deleted, the application
 * stays valid, and the seeker gets a Hello Work message naming the file. A document whose stored
 * bytes are gone or no longer match their SHA-256 is withheld the same way, as unreadable. When the scanner cannot
 * be reached the document stays `pending` (確認中) and the job fails, so the queue retries it with
 * backoff; a sweep every 15 minutes queues again whatever is still pending after the retries ran
 * out. Nothing is ever marked clean without a scanner's answer.
 */
import { z } from 'zod';
import {
  type FileStorage,
  StorageIntegrityError,
  StorageNotFoundError,
} from '../../adapters/storage/file-storage.ts';
import type { VirusScanner } from '../../adapters/virus-scan/virus-scanner.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { defineJob, type JobSpec, type Queue } from '../../platform/queue.ts';
import { decideScan, type ScanOutcome, withheldReason } from '../documents/scan.rules.ts';
import { notify } from '../notifications/notify.ts';
import {
  countScanAttempt,
  findApplicationForScan,
  listApplicationsWithPendingDocuments,
  listDocumentsToScan,
  markDocumentClean,
  markDocumentWithheld,
} from './applications.repository.ts';
import { eraseStoredFiles, type LedgerWriter } from './erase-documents.ts';

export const scanDocumentsJob: JobSpec<{ applicationId: string }> = {
  name: 'documents.scan',
  version: 1,
  schema: z.object({ applicationId: z.string().uuid() }),
  // 30 s, doubling: about 4 hours of retries before the sweep takes over.
  retryLimit: 9,
  retryDelaySeconds: 30,
};

export const scanPendingSweepJob: JobSpec<Record<string, never>> = {
  name: 'documents.scan-sweep',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '*/15 * * * *',
  retryLimit: 1,
};

/** The ports the scan needs: the scanner answers or throws; storage reads bytes checked against their SHA-256. */
export interface ScanPorts {
  db: Database;
  clock: Clock;
  scanner: Pick<VirusScanner, 'scan'>;
  storage: Pick<FileStorage, 'get' | 'delete'>;
  /** A withheld file's bytes are erased through the deletion ledger (ADR 0032). */
  ledger: LedgerWriter;
}

export interface ScanResult {
  clean: number;
  withheld: number;
}

/** Scans the pending documents of one application; throws (for a retry) when the scanner is unreachable. */
export async function scanApplicationDocuments(
  deps: ScanPorts & { queue: Queue },
  applicationId: string,
): Promise<ScanResult> {
  const result: ScanResult = { clean: 0, withheld: 0 };
  for (const doc of await listDocumentsToScan(deps.db, applicationId)) {
    if (!doc.storageKey) continue;
    await countScanAttempt(deps.db, doc.id);
    const outcome = await scanStored(deps, doc.storageKey, doc.sha256);
    // Attempt and jitter only matter for `unavailable`, which never reaches here (scan() threw).
    const decision = decideScan(outcome, 1);
    const now = deps.clock.now();
    if (decision.state === 'clean') {
      await markDocumentClean(deps.db, doc.id, now);
      result.clean++;
      continue;
    }
    if (decision.state !== 'withheld') continue;
    const withheld = await deps.db.transaction(async (tx) => {
      if (!(await markDocumentWithheld(tx, doc.id, decision.signature, now))) return false;
      const app = await findApplicationForScan(tx, applicationId);
      if (app) {
        await notify(deps, tx, {
          recipient: { accountId: app.seekerAccountId },
          kind: 'document.withheld',
          data: {
            applicationId,
            fileName: doc.originalName,
            jobNumber: app.jobNumber ?? '',
            title: app.title,
            reason: withheldReason(decision.signature),
          },
        });
      }
      return true;
    });
    if (withheld) {
      await eraseStoredFiles(
        deps,
        [
          {
            documentId: doc.id,
            applicationId,
            storageKey: doc.storageKey,
            sha256: doc.sha256,
            finding: decision.signature,
          },
        ],
        'withheld',
      );
      result.withheld++;
    }
  }
  return result;
}

/**
 * The scanner's verdict on the stored bytes. Bytes that are gone or no longer match their SHA-256
 * are `unreadable` at once (a retry cannot bring them back); an unreachable scanner throws.
 */
async function scanStored(deps: ScanPorts, key: string, sha256: string): Promise<ScanOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await deps.storage.get(key, sha256);
  } catch (error) {
    if (error instanceof StorageIntegrityError) return { kind: 'unreadable', reason: 'sha256_mismatch' };
    if (error instanceof StorageNotFoundError) return { kind: 'unreadable', reason: 'missing' };
    throw error;
  }
  return deps.scanner.scan(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export const scanDocumentsDefinition = (deps: ScanPorts) =>
  defineJob(scanDocumentsJob, async ({ applicationId }, { logger, queue }) => {
    const result = await scanApplicationDocuments({ ...deps, queue }, applicationId);
    logger.info('documents scanned', { applicationId, ...result });
  });

/** Queues a scan for every application that still has a pending document. */
export async function sweepPendingScans(deps: {
  db: Database;
  queue: Queue;
  logger?: Logger;
}): Promise<number> {
  const ids = await listApplicationsWithPendingDocuments(deps.db, 1000);
  for (const applicationId of ids) {
    await deps.queue.enqueue(scanDocumentsJob, { applicationId }, { singletonKey: applicationId });
  }
  return ids.length;
}

export const scanSweepDefinition = (deps: { db: Database }) =>
  defineJob(scanPendingSweepJob, async (_payload, { logger, queue }) => {
    logger.info('pending scans queued', { applications: await sweepPendingScans({ ...deps, queue }) });
  });
