/**
 * Housekeeping of abandoned apply forms (AP-1, ADR 0021): a draft not touched for a day is
 * removed with its pending documents, and their bytes are deleted from storage. A file never
 * stays behind for a form nobody will send.
 */
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { defineJob, type JobSpec } from '../../platform/queue.ts';
import { deleteDraft, deleteDraftDocuments, listStaleDrafts } from './applications.repository.ts';
import { eraseStoredFiles, type FileErasePorts } from './erase-documents.ts';

export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

export const draftCleanupJob: JobSpec<Record<string, never>> = {
  name: 'applications.draft-cleanup',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  cron: '17 * * * *',
  retryLimit: 2,
};

export interface CleanupPorts extends FileErasePorts {
  db: Database;
  clock: Clock;
}

/** Removes drafts older than the TTL; returns how many. */
export async function cleanUpDrafts(deps: CleanupPorts): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - DRAFT_TTL_MS);
  let removed = 0;
  for (;;) {
    const stale = await listStaleDrafts(deps.db, before, 200);
    for (const d of stale) {
      const files = await deps.db.transaction(async (tx) => {
        const k = await deleteDraftDocuments(tx, d.seekerId, d.key);
        await deleteDraft(tx, d.seekerId, d.key);
        return k;
      });
      await eraseStoredFiles(
        deps,
        files.map((f) => ({
          documentId: f.id,
          applicationId: null,
          storageKey: f.storageKey,
          sha256: f.sha256,
        })),
        'draft-expired',
      );
      removed++;
    }
    if (stale.length < 200) return removed;
  }
}

export const draftCleanupDefinition = (deps: CleanupPorts) =>
  defineJob(draftCleanupJob, async (_payload, { logger }) => {
    logger.info('abandoned apply drafts removed', { drafts: await cleanUpDrafts(deps) });
  });
