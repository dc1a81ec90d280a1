/**
 * After a restore (ADR 0032): the database may be older than the last erasures. The deletion
 * ledger, kept outside the database, says which document bytes are gone; this re-applies every
 * entry: the bytes are deleted again if a storage restore brought them back, a draft's document
 * row goes, a sent document loses its storage key (a withheld one is withheld again), and an
 * application erased by a cancel, a result or retention is noted erased again with the ledger's
 * time and cause. Idempotent: a second run deletes and changes nothing and says so in its counts.
 * Run it before the web servers and workers start on the restored database.
 */
import type { Database } from '../../db/client.ts';
import type { DocumentEraseCause } from '../../domain/vocabulary.ts';
import type { DocumentStorage } from './erase-documents.ts';
import { clearDocumentBytes, dropDraftDocumentRow, markApplicationErased } from './erasures.repository.ts';
import { type LedgerEntry, reapplyAction } from './ledger.rules.ts';

export interface ReapplyPorts {
  db: Database;
  storage: DocumentStorage & { exists(key: string): Promise<boolean> };
  ledger: { read(): Promise<{ entries: LedgerEntry[]; skipped: number; files: number }> };
}

export interface ReapplyResult {
  /** Ledger files and well-formed entries read. */
  files: number;
  entries: number;
  /** Lines that did not parse (a torn last line after a crash): ignored. */
  skipped: number;
  /** Stored files that were there again and were deleted. */
  filesDeleted: number;
  /** Draft document rows removed again. */
  draftRowsDropped: number;
  /** Sent document rows whose storage key was forgotten again (or withheld again). */
  documentRowsCleared: number;
  /** Applications noted as erased again. */
  applicationsMarked: number;
}

const BATCH = 500;

export async function reapplyErasures(deps: ReapplyPorts): Promise<ReapplyResult> {
  const ledger = await deps.ledger.read();
  const result: ReapplyResult = {
    files: ledger.files,
    entries: ledger.entries.length,
    skipped: ledger.skipped,
    filesDeleted: 0,
    draftRowsDropped: 0,
    documentRowsCleared: 0,
    applicationsMarked: 0,
  };
  for (const entry of ledger.entries) {
    if (await deps.storage.exists(entry.storageKey)) {
      await deps.storage.delete(entry.storageKey);
      result.filesDeleted++;
    }
  }
  for (let i = 0; i < ledger.entries.length; i += BATCH) {
    const batch = ledger.entries.slice(i, i + BATCH);
    await deps.db.transaction(async (tx) => {
      for (const entry of batch) {
        const action = reapplyAction(entry);
        if (action === 'none' || entry.documentId === null) continue;
        const at = new Date(entry.at);
        // A row still a draft's (the backup predates 「応募」) goes whatever the cause: its bytes are gone.
        result.draftRowsDropped += await dropDraftDocumentRow(tx, entry.documentId);
        if (action === 'drop-draft-document') continue;
        result.documentRowsCleared += await clearDocumentBytes(
          tx,
          entry.documentId,
          action === 'withhold' ? { finding: entry.finding, at } : undefined,
        );
        if (action === 'erase-application' && entry.applicationId) {
          result.applicationsMarked += await markApplicationErased(
            tx,
            entry.applicationId,
            entry.reason as DocumentEraseCause,
            at,
          );
        }
      }
    });
  }
  return result;
}
