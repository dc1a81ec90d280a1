/**
 * The deletion ledger's lines (SPEC DR-2, ADR 0032): one JSON object a line, appended after every
 * erasure of stored document bytes, kept outside the database so that a restore of an older
 * database cannot bring back what was erased after its backup. Pure: formatting, parsing (a torn
 * or foreign line is skipped and counted, never fatal) and what a re-application does to a row.
 */
import { z } from 'zod';

/**
 * Why bytes were erased: the application causes of DR-1, a withheld scan (AP-5), a draft's
 * housekeeping, or an upload whose draft could not be saved (`upload-not-saved`: no row ever held it).
 */
export const ERASURE_REASONS = [
  'cancelled',
  'decided',
  'retention',
  'withheld',
  'draft-removed',
  'draft-over-limit',
  'draft-expired',
  'upload-not-saved',
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** Reasons that erase the documents of a whole application (documents_erased_at and its cause). */
export const APPLICATION_REASONS = ['cancelled', 'decided', 'retention'] as const;

const entrySchema = z.object({
  v: z.literal(1),
  at: z.iso.datetime(),
  reason: z.enum(ERASURE_REASONS),
  /** The application_documents row; null for bytes that never had a row (an upload over the limit). */
  documentId: z.guid().nullable(),
  applicationId: z.guid().nullable(),
  storageKey: z.string().min(1).max(256),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The scanner's finding of a withheld file (a signature name, never personal data). */
  finding: z.string().max(500).optional(),
});

export type LedgerEntry = z.infer<typeof entrySchema>;

/** The lines for `entries`, each ended by a newline. */
export function formatEntries(entries: readonly LedgerEntry[]): string {
  return entries.map((e) => `${JSON.stringify(entrySchema.parse(e))}\n`).join('');
}

/**
 * Every well-formed entry of a ledger file's text. A line that does not parse — the torn last line
 * of a crash during an append, or anything else — is skipped and counted in `skipped`.
 */
export function parseLedger(text: string): { entries: LedgerEntry[]; skipped: number } {
  const entries: LedgerEntry[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else skipped++;
  }
  return { entries, skipped };
}

/** The ledger file an append at `at` goes to: one a month (UTC), so that no file grows without end. */
export function ledgerFileName(at: Date): string {
  return `erasures-${at.toISOString().slice(0, 7)}.jsonl`;
}

export const LEDGER_FILE = /^erasures-\d{4}-\d{2}\.jsonl$/;

/**
 * What re-applying one entry does to the database row (after its bytes are deleted):
 * - `drop-draft-document`: a draft's document was removed; the row goes too (as it did then).
 * - `withhold`: the document stays as withheld, without bytes.
 * - `erase-application`: the application's documents are erased (its record keeps the note).
 * - `none`: no row ever held these bytes.
 */
export function reapplyAction(
  entry: Pick<LedgerEntry, 'reason' | 'documentId'>,
): 'drop-draft-document' | 'withhold' | 'erase-application' | 'none' {
  if (entry.documentId === null) return 'none';
  if (entry.reason === 'withheld') return 'withhold';
  if ((APPLICATION_REASONS as readonly string[]).includes(entry.reason)) return 'erase-application';
  return 'drop-draft-document';
}
