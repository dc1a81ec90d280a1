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
 * A server uses `spoolApplicationUpload(source, { spoolDir })` instead: the same checks and
 * outcomes, but each file waits in a temporary file while it arrives (a request holds at most the
 * one 2 MB file being checked in memory, not four), `files[i].path` is streamed to storage, and
 * `discard()` in a `finally` removes the temporary files (they are already gone after a problem).
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
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
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

const defaultDocumentField = (name: string) => /^document_[1-9]$/.test(name);

/** Reads an upload as described at the top of this file. Throws AppError bad_request when it is no multipart body. */
export async function readApplicationUpload(
  source: Request | UploadSource,
  options: UploadOptions = {},
): Promise<ApplicationUpload> {
  const read = await readUpload(source, options, () => new MemorySink(), false);
  return {
    ...read.upload,
    files: read.accepted.map(({ file, sink }) => ({ ...file, sha256: sink.sha256, bytes: sink.kept! })),
  };
}

/** A checked file whose bytes wait in a spool file (spoolApplicationUpload). */
export interface SpooledDocument extends Omit<UploadedDocument, 'bytes' | 'sha256'> {
  /** The spool file (read it with `bytesOf`), until `discard()`. */
  path: string;
}

export interface SpooledUpload extends Omit<ApplicationUpload, 'files'> {
  files: SpooledDocument[];
  /**
   * Runs `work` with the bytes of one of `files`, read into a buffer that is reused as soon as
   * `work` has resolved: store them (await storage.put) inside, keep no reference after.
   */
  withBytes<T>(file: SpooledDocument, work: (bytes: Uint8Array) => Promise<T>): Promise<T>;
  /** Removes the spool files of `files`; call it when they are stored (or not), in a `finally`. */
  discard(): Promise<void>;
}

/**
 * readApplicationUpload for a server: the same checks and outcomes, but each file is written to
 * a temporary file in `spoolDir` as it arrives (with backpressure: the body is read no faster than
 * the disk takes it) instead of being kept in memory, and read back one file at a time, for its
 * checks and again for storing (`withBytes`), into one of a few 2 MB buffers the process reuses
 * (READ_BUFFERS): however many are uploading at once, only that many files are in memory, and no
 * 2 MB of garbage is left per file. Every spool file is
 * removed before this returns when there is any problem, the body was cut off, or it throws;
 * otherwise by `discard()`. No SHA-256 is computed here: storage.put computes the one recorded.
 */
export async function spoolApplicationUpload(
  source: Request | UploadSource,
  options: UploadOptions & { spoolDir: string },
): Promise<SpooledUpload> {
  await ensureSpoolDir(options.spoolDir);
  const read = await readUpload(source, options, () => new SpoolSink(options.spoolDir), true);
  const sinks = read.accepted.map((a) => a.sink);
  const files = read.accepted.map(({ file, sink }) => ({ ...file, path: sink.path }));
  return {
    ...read.upload,
    files,
    withBytes: (file, work) => {
      const sink = sinks[files.indexOf(file)];
      if (!sink) return Promise.reject(new Error('not a file of this upload'));
      return readBuffers.use(sink.size, async (buffer) => work(await sink.bytes(buffer)));
    },
    discard: () => discardAll(sinks),
  };
}

/** The spool folder is created on the first upload (once per process and folder), as storage's are. */
const spoolDirs = new Set<string>();
async function ensureSpoolDir(dir: string): Promise<void> {
  if (spoolDirs.has(dir)) return;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  spoolDirs.add(dir);
}

type CheckedFile = Omit<UploadedDocument, 'bytes' | 'sha256'>;

interface ReadUpload<S extends Sink> {
  upload: Omit<ApplicationUpload, 'files'>;
  /** Files that passed every check, with their sinks (empty when there is any problem). */
  accepted: { file: CheckedFile; sink: S }[];
}

interface Received<S extends Sink> {
  fieldName: string;
  originalName: string;
  size: number;
  refusal: FileRefusal | null;
  /** Where the bytes went (none for a file refused or dropped). */
  sink: S | null;
}

async function readUpload<S extends Sink>(
  source: Request | UploadSource,
  options: UploadOptions,
  newSink: () => S,
  /** Whether the sinks' bytes are read back into the shared buffers (false: they are in memory). */
  pooled: boolean,
): Promise<ReadUpload<S>> {
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
  const received: Received<S>[] = [];
  const problems: UploadProblem[] = [];
  /** Every sink opened, so that all of them can be dropped whatever happens. */
  const sinks: S[] = [];
  /** One per file that was read to its end: resolves when its sink holds all of it. */
  const ended: Promise<void>[] = [];
  const names = new Set<string>();
  let fieldsBytes = 0;
  let namedFiles = 0;
  let csrfSkipped = false;
  const formProblem = (code: FormRefusal) => {
    if (!problems.some((p) => p.field === null && p.code === code)) problems.push({ field: null, code });
  };

  // busboy hands an empty part name (`name=""`) over as undefined: it is the name '' here.
  parser.on('field', (partName: string | undefined, value, info) => {
    const name = partName ?? '';
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

  parser.on('file', (partName: string | undefined, stream, info) => {
    const fieldName = partName ?? '';
    const rawName = info.filename ?? '';
    const originalName = normaliseFileName(rawName);
    const refuseUnread = (refusal: FileRefusal) => {
      received.push({ fieldName, originalName, size: 0, refusal, sink: null });
      stream.on('error', () => {});
      stream.resume();
    };
    if (!isDocumentField(fieldName) || names.has(fieldName)) return refuseUnread('unexpected_file');
    names.add(fieldName);
    if (rawName !== '' && namedFiles++ >= limits.maxFiles) return refuseUnread('too_many');
    const sink = newSink();
    sinks.push(sink);
    let size = 0;
    let tooLarge = false;
    const overLimit = () => {
      tooLarge = true;
      sink.drop();
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) return;
      if (size > limits.maxFileBytes) return overLimit();
      // The sink is full (a disk slower than the network): read on when it has written.
      if (!sink.write(chunk)) {
        stream.pause();
        sink.onDrain(() => stream.resume());
      }
    });
    stream.on('limit', overLimit);
    stream.on('error', () => {});
    stream.on('end', () => {
      if (rawName === '' && size === 0) {
        sink.drop(); // an input left empty
        return;
      }
      const keep = !tooLarge && rawName !== '';
      if (!keep) {
        sink.drop();
      } else {
        const done = sink.end();
        done.catch(() => {}); // awaited below, with every other file; never an unhandled rejection
        ended.push(done);
      }
      received.push({
        fieldName,
        originalName,
        size,
        refusal: tooLarge ? 'too_large' : rawName === '' ? 'not_allowed' : null,
        sink: keep ? sink : null,
      });
    });
  });

  const accepted: ReadUpload<S>['accepted'] = [];
  try {
    const outcome = await feed(source.body, parser, limits.maxBodyBytes);
    if (outcome !== 'complete') {
      formProblem(outcome);
      await discardAll(sinks);
      return { upload: { fields, problems, complete: false }, accepted: [] };
    }
    await Promise.all(ended);

    const values = new Map(fields);
    for (const file of received) {
      let refusal = file.refusal;
      let type: DocumentType | null = null;
      if (!refusal && file.sink) {
        // One file's bytes at a time: a spooled file is read back for its checks and let go after.
        const sink = file.sink;
        const facts = pooled
          ? await readBuffers.use(sink.size, async (buffer) => inspectDocument(await sink.bytes(buffer)))
          : await inspectDocument(await sink.bytes(null));
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
      accepted.push({
        file: {
          fieldName: file.fieldName,
          kind,
          originalName: file.originalName,
          extension: extensionOf(file.originalName),
          type: type!,
          mime: MIME_OF_TYPE[type!],
          size: file.size,
        },
        sink: file.sink!,
      });
    }
  } catch (error) {
    await discardAll(sinks);
    throw error;
  }
  if (problems.length) {
    await discardAll(sinks);
    return { upload: { fields, problems, complete: true }, accepted: [] };
  }
  // What the accepted files did not use (an input left empty) goes now; theirs with discard().
  const used = new Set<Sink>(accepted.map((a) => a.sink));
  await discardAll(sinks.filter((sink) => !used.has(sink)));
  return { upload: { fields, problems, complete: true }, accepted };
}

// ─── Sinks: where a file's bytes go while they arrive ──────────────────────────────────────────

interface Sink {
  /** Keeps a chunk; false when the caller should wait for onDrain before the next one. */
  write(chunk: Buffer): boolean;
  onDrain(go: () => void): void;
  /** Forgets what was kept and keeps nothing more (a refused file, an input left empty). */
  drop(): void;
  /** No more bytes: resolves when everything written is held (and fails if it could not be). */
  end(): Promise<void>;
  /** How many bytes it holds. */
  readonly size: number;
  /** The whole file (after end); a spooled file is read into `into` (a new buffer when null). */
  bytes(into: Buffer | null): Promise<Buffer>;
  /** Removes what the sink holds, whatever state it is in; never throws. */
  discard(): Promise<void>;
}

const SPOOL_BATCH_BYTES = 128 * 1024;

/**
 * A few buffers of one file's size, shared by every upload of the process: spooled files are read
 * back into them, one file per buffer, and each goes back to the pool (never to the garbage
 * collector) when its work is done. When all are in use, the next file waits its turn: the work
 * is short (a read from the page cache, the checks, a storage write), and memory stays flat.
 */
class BufferPool {
  private readonly free: Buffer[] = [];
  private readonly waiting: ((buffer: Buffer) => void)[] = [];
  private made = 0;
  constructor(
    private readonly bytes: number,
    private readonly most: number,
  ) {}
  async use<T>(size: number, work: (buffer: Buffer) => Promise<T>): Promise<T> {
    // A file larger than the buffers (other limits than the form's) gets one of its own.
    if (size > this.bytes) return work(Buffer.allocUnsafe(size));
    const buffer = await this.take();
    try {
      return await work(buffer);
    } finally {
      this.give(buffer);
    }
  }
  private take(): Promise<Buffer> {
    const buffer = this.free.pop();
    if (buffer) return Promise.resolve(buffer);
    if (this.made < this.most) {
      this.made++;
      return Promise.resolve(Buffer.allocUnsafeSlow(this.bytes));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  private give(buffer: Buffer): void {
    const next = this.waiting.shift();
    if (next) next(buffer);
    else this.free.push(buffer);
  }
}

/** How many spooled files are read back at once, in the whole process (4 × 2 MB once allocated). */
const READ_BUFFERS = 4;
const readBuffers = new BufferPool(MAX_BYTES, READ_BUFFERS);

const discardAll = async (sinks: readonly Sink[]) => {
  await Promise.all(sinks.map((s) => s.discard()));
};

/** In memory, hashed as it arrives (readApplicationUpload). */
class MemorySink implements Sink {
  private chunks: Buffer[] = [];
  private total = 0;
  private readonly hash = createHash('sha256');
  /** The whole file after end(). */
  kept: Buffer | null = null;
  sha256 = '';
  write(chunk: Buffer): boolean {
    this.hash.update(chunk);
    this.chunks.push(chunk);
    this.total += chunk.length;
    return true;
  }
  onDrain(go: () => void): void {
    go();
  }
  get size(): number {
    return this.total;
  }
  drop(): void {
    this.chunks = [];
    this.total = 0;
  }
  async end(): Promise<void> {
    this.kept = Buffer.concat(this.chunks, this.total);
    this.chunks = [];
    this.sha256 = this.hash.digest('hex');
  }
  async bytes(): Promise<Buffer> {
    return this.kept ?? Buffer.alloc(0);
  }
  async discard(): Promise<void> {
    this.drop();
    this.kept = null;
  }
}

/**
 * In a temporary file of its own in `dir`, readable only by this process's user, created on the
 * first byte (an input left empty opens nothing) (spoolApplicationUpload).
 */
class SpoolSink implements Sink {
  readonly path: string;
  private out: WriteStream | null = null;
  private failure: Error | null = null;
  private dropped = false;
  private written = 0;
  private batched = 0;
  constructor(dir: string) {
    this.path = path.join(dir, `hw-upload-${randomBytes(12).toString('hex')}.part`);
  }
  private open(): WriteStream {
    if (!this.out) {
      this.out = createWriteStream(this.path, { flags: 'wx', mode: 0o600, highWaterMark: SPOOL_BATCH_BYTES });
      this.out.on('error', (error) => {
        this.failure ??= error;
      });
    }
    return this.out;
  }
  write(chunk: Buffer): boolean {
    if (this.dropped || this.failure) return true;
    this.written += chunk.length;
    const out = this.open();
    // Chunks are gathered (corked) and written together, a few writes per file instead of one per
    // network chunk. Whenever the caller is told to wait (the disk is behind), what is gathered is
    // flushed first: a corked chunk would otherwise keep 'drain' from ever coming.
    if (this.batched === 0) out.cork();
    this.batched += chunk.length;
    const more = out.write(chunk);
    if (this.batched >= SPOOL_BATCH_BYTES || !more) {
      this.batched = 0;
      out.uncork();
    }
    return more;
  }
  onDrain(go: () => void): void {
    const out = this.out;
    if (!out || this.dropped || this.failure || out.destroyed) {
      go();
      return;
    }
    const resume = () => {
      out.off('drain', resume);
      out.off('close', resume);
      go();
    };
    out.on('drain', resume);
    out.on('close', resume);
  }
  drop(): void {
    this.dropped = true;
  }
  async end(): Promise<void> {
    // A file of bytes that all passed through write() exists; an empty one is created here.
    const out = this.open();
    if (!out.writableEnded) out.end();
    await closed(out);
    if (this.failure) throw this.failure;
  }
  get size(): number {
    return this.written;
  }
  async bytes(buffer: Buffer | null): Promise<Buffer> {
    if (buffer && buffer.length < this.written) throw new Error('a read buffer smaller than the file');
    const into = (buffer ?? Buffer.allocUnsafe(this.written)).subarray(0, this.written);
    const handle = await open(this.path, 'r');
    try {
      let at = 0;
      while (at < into.length) {
        const { bytesRead } = await handle.read(into, at, into.length - at, at);
        if (bytesRead === 0) throw new Error(`spool file ${this.path} is shorter than what was written`);
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
    return into;
  }
  async discard(): Promise<void> {
    this.dropped = true;
    const out = this.out;
    if (!out) return;
    if (!out.closed) {
      out.destroy();
      await closed(out);
    }
    await unlink(this.path).catch(() => {});
  }
}

function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
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
