/**
 * Erasing an application's documents (SPEC DR-2, CX-3, EM-3; ADR 0022). Two steps, so that no
 * crash can leave bytes behind unnoticed:
 *
 * 1. In the transaction of the cause (取消, 選考結果, the retention run) the application is marked
 *    `documents_erased_at` + cause (`markDocumentsErased` / `markRetentionDue`). From that commit
 *    on, neither MyPage lists or serves the documents.
 * 2. After the commit `eraseApplicationDocuments` deletes each file's bytes from storage and then
 *    forgets its storage key. Deleting a file that is already gone is no error, so a repeat is
 *    harmless; a crash between the steps is finished by the next retention run, which first looks
 *    for marked applications whose documents still have a storage key.
 *
 * The document rows stay (kind, name, size) with a null storage key: the record of what was sent.
 *
 * Every deletion of stored document bytes, whatever its cause (these, a withheld scan, a draft's
 * files), goes through `eraseStoredFiles`: it first appends the erasure to the deletion ledger
 * outside the database (ADR 0032), so that after a restore of an older backup
 * `npm run cli -- reapply-erasures` erases the same files and rows again.
 */
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { forgetDocumentBytes, listDocumentsToErase } from './applications.repository.ts';
import type { ErasureReason, LedgerEntry } from './ledger.rules.ts';

/** The storage port as erasing needs it (the storage adapter provides it; tests pass a disk fake). */
export interface DocumentStorage {
  delete(key: string): Promise<void>;
}

/** The deletion ledger as erasing needs it (src/adapters/ledger/deletion-ledger.ts). */
export interface LedgerWriter {
  append(entries: readonly LedgerEntry[]): Promise<void>;
}

/** What deleting stored bytes needs: the storage, the ledger, and the clock for the entry's time. */
export interface FileErasePorts {
  storage: DocumentStorage;
  ledger: LedgerWriter;
  clock: Clock;
}

export interface ErasePorts extends FileErasePorts {
  db: Database;
}

export interface StoredBytes {
  /** The application_documents row, or null for bytes that never got one (an upload over the limit). */
  documentId: string | null;
  applicationId: string | null;
  storageKey: string;
  sha256: string;
  /** A withheld file's scanner finding. */
  finding?: string;
}

/**
 * The one way stored document bytes are deleted: the erasure is appended to the ledger (fsync'd)
 * and then the bytes go. Call it after the cause is committed. A ledger that cannot be written
 * throws before anything is deleted (the caller's retry, or the next retention run, tries again).
 */
export async function eraseStoredFiles(
  deps: FileErasePorts,
  files: readonly StoredBytes[],
  reason: ErasureReason,
): Promise<number> {
  if (files.length === 0) return 0;
  const at = deps.clock.now().toISOString();
  await deps.ledger.append(
    files.map((f) => ({
      v: 1 as const,
      at,
      reason,
      documentId: f.documentId,
      applicationId: f.applicationId,
      storageKey: f.storageKey,
      sha256: f.sha256,
      ...(f.finding === undefined ? {} : { finding: f.finding }),
    })),
  );
  for (const f of files) await deps.storage.delete(f.storageKey);
  return files.length;
}

/** Deletes the bytes of an application marked erased; returns how many files were deleted. */
export async function eraseApplicationDocuments(deps: ErasePorts, applicationId: string): Promise<number> {
  const documents = await listDocumentsToErase(deps.db, applicationId);
  for (const doc of documents) {
    if (!doc.storageKey) continue;
    await eraseStoredFiles(
      deps,
      [{ documentId: doc.id, applicationId, storageKey: doc.storageKey, sha256: doc.sha256 }],
      doc.cause ?? 'retention',
    );
    await forgetDocumentBytes(deps.db, doc.id, doc.storageKey);
  }
  return documents.length;
}

/**
 * Step 2 right after a cause's commit. A storage that fails here does not undo the cancel or the
 * result (they are committed and the documents already hidden): it is logged, and the next
 * retention run finishes the erasure.
 */
export async function eraseAfterCommit(
  deps: ErasePorts & { logger: Logger },
  applicationId: string,
  cause: string,
): Promise<void> {
  try {
    const documents = await eraseApplicationDocuments(deps, applicationId);
    if (documents > 0) deps.logger.info('documents erased', { applicationId, cause, documents });
  } catch (error) {
    deps.logger.error('documents not yet erased; the retention run will finish', {
      applicationId,
      cause,
      error,
    });
  }
}
