/**
 * Re-applying the deletion ledger to the database (ADR 0032): the rows a restore of an older backup
 * brought back for documents that had been erased. Each statement only changes a row that is not
 * yet as the ledger says, so a repeat changes nothing and counts nothing.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { applicationDocuments, applications } from '../../db/schema/index.ts';
import type { DocumentEraseCause } from '../../domain/vocabulary.ts';

/** A draft's document row (never sent) goes, as draft removal and housekeeping did. */
export async function dropDraftDocumentRow(db: Executor, documentId: string): Promise<number> {
  const rows = await db
    .delete(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), isNull(applicationDocuments.applicationId)))
    .returning({ id: applicationDocuments.id });
  return rows.length;
}

/** A sent document keeps its row (name, kind, size) without a storage key; a withheld one is withheld again. */
export async function clearDocumentBytes(
  db: Executor,
  documentId: string,
  withheld: { finding: string | undefined; at: Date } | undefined,
): Promise<number> {
  const rows = await db
    .update(applicationDocuments)
    .set({
      storageKey: null,
      ...(withheld
        ? {
            scanState: 'withheld' as const,
            scanFinding: sql`coalesce(${applicationDocuments.scanFinding}, ${withheld.finding ?? null})`,
            scannedAt: sql`coalesce(${applicationDocuments.scannedAt}, ${withheld.at.toISOString()}::timestamptz)`,
          }
        : {}),
    })
    .where(
      and(
        eq(applicationDocuments.id, documentId),
        isNotNull(applicationDocuments.applicationId),
        withheld
          ? sql`(${applicationDocuments.storageKey} is not null or ${applicationDocuments.scanState} <> 'withheld')`
          : isNotNull(applicationDocuments.storageKey),
      ),
    )
    .returning({ id: applicationDocuments.id });
  return rows.length;
}

/** The application's documents are noted as erased (DR-2), at the ledger's time and cause, unless already. */
export async function markApplicationErased(
  db: Executor,
  applicationId: string,
  cause: DocumentEraseCause,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(applications)
    .set({ documentsErasedAt: at, documentsErasedCause: cause })
    .where(and(eq(applications.id, applicationId), isNull(applications.documentsErasedAt)))
    .returning({ id: applications.id });
  return rows.length;
}
