/**
 * Turns the streamed multipart body of an application with documents into text fields and
 * checked files (SPEC AP-1..AP-3, ADR 0019), never buffering more than the limits allow. Nothing
 * is written to storage here: the route stores `files` (deps.storage.put) only when `problems` is
 * empty, so a refusal leaves no file behind.
 *
 * How a route calls it (the path must be in UPLOAD_PATHS in src/app.ts so the body arrives unread,
 * and the form must put `_csrf` first, `enctype="multipart/form-data"`):
 *
 *   const upload = await readApplicationUpload(c.req.raw);   // c.req.raw after the CSRF check
 *   const values = formValuesOf(upload.fields);               // 志望動機, 備考, kinds … (typed text)
 *   if (upload.problems.length) → 400: each problem's `field` names the input to show it next to
 *     (null: the whole form), `code` is the message key, `fileName` the file's display name.
 *   else for (const f of upload.files) await deps.storage.put(newStorageKey(), f.bytes) …
 *
 * The form's file inputs are named `document_1` … `document_4` and each has a kind select named
 * `document_1_kind` … (options: isDocumentField, kindFieldOf). An input left empty (browsers send
 * a part with filename="" and no bytes) is no file. `upload.complete` is false when the body was
 * cut off (over `maxBodyBytes`), ended early or was malformed: the fields read so far are still
 * returned so the page can keep what was typed, but no file is.
 *
 * Limits, as bytes arrive: a file's 2,097,153rd byte marks it too_large and the rest of it is
 * discarded unread by busboy; a named file beyond the fourth is too_many and never buffered; a text
 * field is cut at maxFieldBytes (field_too_long) and all text at maxFieldsBytes; the whole body is
 * cut off at maxBodyBytes (four full files, the text, and room for part headers), after which the
 * source stream is cancelled and nothing more is read.
 */
import { createHash } from 'node:crypto';
import busboy from 'busboy';
import type { DocumentKind } from '../../domain/vocabulary.ts';
import { AppError } from '../../platform/errors.ts';
import { wellFormedText } from '../../platform/text.ts';
import type { FormPairs } from '../../web/body.ts';
import {
  classify,
  type DocumentType,
  extensionOf,
  type FileRefusal,
  MAX_BYTES,
  MAX_FILES,
  MIME_OF_TYPE,
  normaliseFileName,
  parseDocumentKind,
} from './document.rules.ts';
import { inspectDocument } from './inspect.ts';

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
  /** One text field (志望動機 is 600 characters; an emoji family is up to 25 bytes a character). */
  maxFieldBytes: number;
  /** All text fields together. */
  maxFieldsBytes: number;
  maxFields: number;
  /** The whole body as it arrives, boundaries and part headers included. */
  maxBodyBytes: number;
}

const FIELDS_BYTES = 64 * 1024;
export const UPLOAD_LIMITS: UploadLimits = {
  maxFiles: MAX_FILES,
  maxFileBytes: MAX_BYTES,
  maxFieldBytes: 16 * 1024,
  maxFieldsBytes: FIELDS_BYTES,
  maxFields: 40,
  maxBodyBytes: MAX_FILES * MAX_BYTES + FIELDS_BYTES + 64 * 1024,
};

export interface UploadOptions {
  /** Which parts carry documents (default: document_1 … document_9). A file under another name is refused. */
  isDocumentField?: (name: string) => boolean;
  /** The text field holding the kind of the file sent as `fieldName` (default `${fieldName}_kind`). */
  kindFieldOf?: (fieldName: string) => string;
  limits?: Partial<UploadLimits>;
}

/** Problems of the form as a whole, or of one text field. */
export type FormRefusal =
  | 'body_too_large'
  | 'truncated'
  | 'malformed'
  | 'too_many_fields'
  | 'fields_too_large'
  | 'field_too_long';

export interface UploadProblem {
  /** The input the message belongs next to (file input, kind select, text field), or null for the form. */
  field: string | null;
  code: FileRefusal | FormRefusal;
  /** The display name of the refused file, when a file is refused. */
  fileName?: string;
}

export interface UploadedDocument {
  fieldName: string;
  kind: DocumentKind;
  /** The user's file name, normalised for display (normaliseFileName); never a path. */
  originalName: string;
  extension: string;
  type: DocumentType;
  /** The media type to serve it with (from the checked type, not from what the browser said). */
  mime: string;
  size: number;
  /** Hex SHA-256 of the bytes, to record with the row and check on every read. */
  sha256: string;
  bytes: Uint8Array;
}

export interface ApplicationUpload {
  /** Text parts in order, without `_csrf` (names and values as storable text). */
  fields: FormPairs;
  /** Files that passed every check, in order; empty when there is any problem with a file or the body. */
  files: UploadedDocument[];
  problems: UploadProblem[];
  /** False when the body was not read to its end (cut off, ended early, malformed). */
  complete: boolean;
}

export interface UploadSource {
  headers: Headers | Record<string, string | undefined>;
  body: ReadableStream<Uint8Array> | null;
}

interface Received {
  fieldName: string;
  originalName: string;
  size: number;
  sha256: string;
  bytes: Uint8Array | null;
  refusal: FileRefusal | null;
}

const defaultDocumentField = (name: string) => /^document_[1-9]$/.test(name);

/** Reads an upload as described at the top of this file. Throws AppError bad_request when it is no multipart body. */
export async function readApplicationUpload(
  source: Request | UploadSource,
  options: UploadOptions = {},
): Promise<ApplicationUpload> {
  const limits = { ...UPLOAD_LIMITS, ...options.limits };
  const isDocumentField = options.isDocumentField ?? defaultDocumentField;
  const kindFieldOf = options.kindFieldOf ?? ((name: string) => `${name}_kind`);
  const headers = source.headers instanceof Headers ? source.headers : new Headers(clean(source.headers));
  const contentType = headers.get('content-type') ?? '';
  if (!source.body || !contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('bad_request', 'an upload must be multipart/form-data');
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      preservePath: true,
      limits: {
        // busboy marks a file "truncated" when it reaches fileSize, so one byte more than allowed.
        fileSize: limits.maxFileBytes + 1,
        files: limits.maxFiles * 2,
        fieldSize: limits.maxFieldBytes,
        fields: limits.maxFields,
        parts: limits.maxFields + limits.maxFiles * 2 + 1,
      },
    });
  } catch (cause) {
    throw new AppError('bad_request', 'malformed multipart content type', { cause });
  }

  const fields: FormPairs = [];
  const received: Received[] = [];
  const problems: UploadProblem[] = [];
  const names = new Set<string>();
  let fieldsBytes = 0;
  let namedFiles = 0;
  let csrfSkipped = false;
  const formProblem = (code: FormRefusal) => {
    if (!problems.some((p) => p.field === null && p.code === code)) problems.push({ field: null, code });
  };

  parser.on('field', (name, value, info) => {
    if (name === '_csrf' && !csrfSkipped) {
      csrfSkipped = true;
      return;
    }
    fieldsBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    if (fieldsBytes > limits.maxFieldsBytes) {
      formProblem('fields_too_large');
      return;
    }
    // A value cut at its byte cap may end inside a character: drop the broken end.
    const kept = info.valueTruncated ? value.replace(/\uFFFD+$/, '') : value;
    if (info.valueTruncated) problems.push({ field: name, code: 'field_too_long' });
    fields.push([wellFormedText(name), wellFormedText(kept)]);
  });
  parser.on('fieldsLimit', () => formProblem('too_many_fields'));
  parser.on('partsLimit', () => formProblem('too_many_fields'));
  parser.on('filesLimit', () => {
    if (!problems.some((p) => p.field === null && p.code === 'too_many'))
      problems.push({ field: null, code: 'too_many' });
  });

  parser.on('file', (fieldName, stream, info) => {
    const rawName = info.filename ?? '';
    const originalName = normaliseFileName(rawName);
    const refuseUnread = (refusal: FileRefusal) => {
      received.push({ fieldName, originalName, size: 0, sha256: '', bytes: null, refusal });
      stream.on('error', () => {});
      stream.resume();
    };
    if (!isDocumentField(fieldName) || names.has(fieldName)) return refuseUnread('unexpected_file');
    names.add(fieldName);
    if (rawName !== '' && namedFiles++ >= limits.maxFiles) return refuseUnread('too_many');
    const hash = createHash('sha256');
    let chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxFileBytes) {
        tooLarge = true;
        chunks = [];
        return;
      }
      hash.update(chunk);
      chunks.push(chunk);
    });
    stream.on('limit', () => {
      tooLarge = true;
      chunks = [];
    });
    stream.on('error', () => {});
    stream.on('end', () => {
      if (rawName === '' && size === 0) return; // an input left empty
      received.push({
        fieldName,
        originalName,
        size,
        sha256: tooLarge ? '' : hash.digest('hex'),
        bytes: tooLarge || rawName === '' ? null : Buffer.concat(chunks, size),
        refusal: tooLarge ? 'too_large' : rawName === '' ? 'not_allowed' : null,
      });
    });
  });

  const outcome = await feed(source.body, parser, limits.maxBodyBytes);
  if (outcome !== 'complete') {
    formProblem(outcome);
    return { fields, files: [], problems, complete: false };
  }

  const files: UploadedDocument[] = [];
  const values = new Map(fields);
  for (const file of received) {
    let refusal = file.refusal;
    let type: DocumentType | null = null;
    if (!refusal && file.bytes) {
      const facts = await inspectDocument(file.bytes);
      const verdict = classify(facts, extensionOf(file.originalName));
      if (verdict.ok) type = verdict.type;
      else refusal = verdict.refusal;
    }
    if (refusal) {
      problems.push({ field: file.fieldName, code: refusal, fileName: file.originalName });
      continue;
    }
    const kindField = kindFieldOf(file.fieldName);
    const kind = parseDocumentKind(values.get(kindField));
    if (!kind) {
      problems.push({ field: kindField, code: 'kind_required', fileName: file.originalName });
      continue;
    }
    files.push({
      fieldName: file.fieldName,
      kind,
      originalName: file.originalName,
      extension: extensionOf(file.originalName),
      type: type!,
      mime: MIME_OF_TYPE[type!],
      size: file.size,
      sha256: file.sha256,
      bytes: file.bytes!,
    });
  }
  return { fields, files: problems.length ? [] : files, problems, complete: true };
}

function clean(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Writes the body into the parser, counting every byte: past `maxBytes` the source is cancelled
 * and the parser destroyed ('body_too_large'); a source that fails or ends before the closing
 * boundary gives 'truncated'; a parser error on bad syntax gives 'malformed'.
 */
async function feed(
  body: ReadableStream<Uint8Array>,
  parser: busboy.Busboy,
  maxBytes: number,
): Promise<'complete' | 'body_too_large' | 'truncated' | 'malformed'> {
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve) => {
    parser.once('close', resolve);
    parser.once('error', (error: Error) => {
      failure = error;
      resolve();
    });
  });
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      if (failure) {
        await reader.cancel().catch(() => {});
        break;
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        parser.destroy();
        return 'truncated';
      }
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        parser.destroy();
        return 'body_too_large';
      }
      if (!parser.write(chunk.value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            parser.off('drain', go);
            parser.off('close', go);
            resolve();
          };
          parser.on('drain', go);
          parser.on('close', go);
        });
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (!failure) parser.end();
  await finished;
  if (!failure) return 'complete';
  return /unexpected end/i.test((failure as Error).message) ? 'truncated' : 'malformed';
}
