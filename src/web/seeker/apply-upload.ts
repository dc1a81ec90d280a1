/**
 * Reads the apply form's streamed multipart body (AP-1..AP-3, ADR 0019/0021): the parser checks
 * every file by its bytes while it arrives (src/modules/documents/multipart.ts), each file waiting
 * in a spool file rather than in memory; the files that passed are copied to storage under
 * generated keys, the refused ones come back as a message for their row. The spool files are
 * removed when the request is done, whatever happened.
 * A body that was cut off (too large, ended early, malformed) stores nothing: only the text read
 * so far is kept, so the page can show it again.
 */
import type { Context } from 'hono';
import { newStorageKey } from '../../adapters/storage/file-storage.ts';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../db/unavailable.ts';
import type { Messages } from '../../i18n/index.ts';
import type { StoredUpload } from '../../modules/applications/apply.ts';
import { eraseStoredFiles } from '../../modules/applications/erase-documents.ts';
import { MAX_FILES } from '../../modules/documents/document.rules.ts';
import {
  type SpooledUpload,
  spoolApplicationUpload,
  type UploadProblem,
} from '../../modules/documents/multipart.ts';
import { AppError } from '../../platform/errors.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import { formValuesOf } from '../body.ts';
import type { AppEnv } from '../env.ts';

/** The form's file inputs and their kind selects (the parser's default names). */
export const documentField = (n: number) => `document_${n}`;
export const kindField = (n: number) => `document_${n}_kind`;

/** One file row of the form: stored (passed every check), or refused with a message for its field. */
export interface UploadRow {
  row: number;
  stored?: Omit<StoredUpload, 'kind'>;
  kind?: string;
  /** The field the message belongs next to (the file input, or its kind select). */
  field?: string;
  problem?: string;
}

export interface ApplyPost {
  fields: {
    draft: string;
    motivation: string;
    remarks: string;
    consent: string;
    action: string;
    remove: string[];
    kinds: Record<number, string>;
  };
  rows: UploadRow[];
  /** A problem of the whole body (cut off, too large), shown at the documents section. */
  formProblem?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** The apply form's fields from a plain or a multipart body's text parts. */
export function applyFields(values: Record<string, string | string[] | undefined>): ApplyPost['fields'] {
  return {
    draft: one(values.draft),
    motivation: one(values.motivation),
    remarks: one(values.remarks),
    consent: one(values.consent),
    action: one(values.action),
    remove: all(values.remove),
    kinds: Object.fromEntries(
      Array.from({ length: MAX_FILES }, (_, i) => [i + 1, one(values[kindField(i + 1)])]),
    ),
  };
}

function problemText(t: Messages, p: UploadProblem): string {
  const u = t.applying.upload;
  const message = (u as Record<string, string>)[p.code] ?? u.corrupt;
  return p.fileName ? `${p.fileName}${t.common.colon}${message}` : message;
}

const rowOf = (field: string | null) => {
  const m = /^document_(\d+)(_kind)?$/.exec(field ?? '');
  return m ? Number(m[1]) : undefined;
};

export async function readApplyUpload(
  c: Context<AppEnv>,
  opts: { acceptFiles: boolean },
): Promise<ApplyPost> {
  // Each file waits in a spool file, not in memory, while it arrives and is checked (ADR 0019).
  const upload = await spoolApplicationUpload(c.req.raw, { spoolDir: c.var.deps.config.spoolDir });
  try {
    return await storeUpload(c, upload, opts);
  } finally {
    await upload.discard();
  }
}

async function storeUpload(
  c: Context<AppEnv>,
  upload: SpooledUpload,
  opts: { acceptFiles: boolean },
): Promise<ApplyPost> {
  const { t } = c.var;
  const fields = applyFields(formValuesOf(upload.fields, [CSRF_FIELD]));
  const rows: UploadRow[] = [];
  let formProblem: string | undefined;
  for (const p of upload.problems) {
    const row = rowOf(p.field);
    if (row === undefined) formProblem ??= problemText(t, p);
    else rows.push({ row, field: p.field ?? undefined, problem: problemText(t, p) });
  }
  if (upload.complete && opts.acceptFiles) {
    for (const f of upload.files) {
      const row = rowOf(f.fieldName);
      if (row === undefined) continue;
      // Read back into a shared buffer, which is reused once put has written it.
      const stored = await upload
        .withBytes(f, (bytes) => c.var.deps.storage.put(newStorageKey(), bytes))
        .catch((error: unknown) => storageFailed(c, rows, error));
      rows.push({
        row,
        kind: f.kind,
        stored: {
          originalName: f.originalName,
          fileType: f.type,
          contentType: f.mime,
          size: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
        },
      });
    }
  }
  return { fields, rows, ...(formProblem ? { formProblem } : {}) };
}

/**
 * A file could not be stored (the disk is full or failing, the bucket refuses): the files of this
 * request already stored are deleted again — no row names them yet — and the request ends with
 * the calm 503 page (Retry-After), the form as it was before. The cause is logged for operators.
 */
async function storageFailed(c: Context<AppEnv>, rows: UploadRow[], error: unknown): Promise<never> {
  const { deps } = c.var;
  const log = c.var.log;
  log.error('file storage failed', { error });
  const stored = rows.flatMap((r) => (r.stored ? [r.stored] : []));
  await eraseStoredFiles(
    deps,
    stored.map((f) => ({
      documentId: null,
      applicationId: null,
      storageKey: f.storageKey,
      sha256: f.sha256,
    })),
    'upload-not-saved',
  ).catch((cleanup: unknown) =>
    log.error('files of a failed upload not deleted', { error: cleanup, files: stored.length }),
  );
  throw new AppError('unavailable', 'file storage failed', {
    cause: error,
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });
}
