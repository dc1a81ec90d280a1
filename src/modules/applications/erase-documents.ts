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
 */
import type { Database } from '../../db/client.ts';
import type { Logger } from '../../platform/logger.ts';
import { forgetDocumentBytes, listDocumentsToErase } from './applications.repository.ts';

/** The storage port as erasing needs it (the storage adapter provides it; tests pass a disk fake). */
export interface DocumentStorage {
  delete(key: string): Promise<void>;
}

export interface ErasePorts {
  db: Database;
  storage: DocumentStorage;
}

/** Deletes the bytes of an application marked erased; returns how many files were deleted. */
export async function eraseApplicationDocuments(deps: ErasePorts, applicationId: string): Promise<number> {
  const documents = await listDocumentsToErase(deps.db, applicationId);
  for (const doc of documents) {
    if (!doc.storageKey) continue;
    await deps.storage.delete(doc.storageKey);
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
