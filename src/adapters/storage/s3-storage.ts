/**
 * FileStorage on an S3-compatible object store (ADR 0037): `STORAGE_URL=s3://bucket/prefix`. A file
 * `key` is the object `<prefix>/<key>` (no fan-out: a bucket needs none).
 *
 * - put: refuses a key in use (HeadObject first, then the write itself is conditional with
 *   `If-None-Match: *`, which S3 honours and servers without conditional writes ignore). The content
 *   is read once, hashed on the way; up to `partSize` bytes go as one PutObject, more as a multipart
 *   upload of `partSize` parts. S3 makes an object visible only when its PutObject or
 *   CompleteMultipartUpload succeeds, so a key holds all the bytes or none. On any failure the
 *   multipart upload is aborted, so no temporary part stays; a server without AbortMultipartUpload
 *   (s3rver) gets its parts assembled into the object and the object deleted instead.
 *   The SHA-256 is stored as the object's `x-amz-meta-sha256` too (a multipart object gets it by a
 *   copy onto itself once the hash is known), for checks of the bucket without the database.
 * - get: reads the whole object and checks it against the SHA-256 the caller recorded.
 * - delete: aborts every multipart upload still open for the key (a crashed writer's parts, DR-2
 *   "every temporary part"), then deletes the object; both are idempotent.
 */
import { createHash, type Hash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  assertStorageKey,
  type FileStorage,
  type StorageContent,
  StorageIntegrityError,
  StorageKeyTakenError,
  StorageNotFoundError,
  type StoredFile,
} from './file-storage.ts';

/** S3's smallest part (all but the last part of a multipart upload must be at least this). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** Up to this many bytes go as one PutObject, more as a multipart upload of parts this size. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

export interface S3StorageSettings {
  bucket: string;
  /** Objects are `<prefix>/<key>`; '' for the bucket's root. Slashes at either end are ignored. */
  prefix: string;
  /** An S3-compatible server's URL (MinIO, Ceph, s3rver, …); unset: AWS S3 of `region`. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default chain (AWS_* variables, instance or task role, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bucket in the path (`endpoint/bucket/key`) rather than in the host name. */
  forcePathStyle: boolean;
}

export interface S3StorageOptions extends Partial<Omit<S3StorageSettings, 'bucket'>> {
  bucket: string;
  /** A client of the caller's (kept open by `close()`); otherwise one is made from the settings. */
  client?: S3Client;
  /** Bytes per multipart part, at least MIN_PART_SIZE (default DEFAULT_PART_SIZE). */
  partSize?: number;
}

export interface S3Storage extends FileStorage {
  readonly kind: 's3';
  readonly bucket: string;
  /** The object name of a key: `<prefix>/<key>`. */
  objectKey(key: string): string;
  /** Whether the bucket answers (HeadBucket); throws the server's error if not. For the start-up report. */
  probe(): Promise<void>;
  /** Releases the client's sockets if this adapter made the client. */
  close(): void;
}

export function createS3Storage(options: S3StorageOptions): S3Storage {
  const { bucket } = options;
  const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  if (!Number.isInteger(partSize) || partSize < MIN_PART_SIZE) {
    throw new RangeError(`partSize must be a whole number of at least ${MIN_PART_SIZE} bytes`);
  }
  const ownClient = !options.client;
  const client = options.client ?? createS3Client(options);
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return prefix ? `${prefix}/${key}` : key;
  };

  const headExists = async (Key: string): Promise<boolean> => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };

  /** Leaves no trace of an unfinished multipart upload: abort, or where the server cannot, assemble and delete. */
  const abandon = async (Key: string, UploadId: string, parts: CompletedPart[]): Promise<void> => {
    try {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId }));
      return;
    } catch (error) {
      if (isNoSuchUpload(error)) return;
      if (!isUnsupported(error)) throw error;
    }
    // No AbortMultipartUpload here (s3rver): completing the upload is the only request that removes
    // its parts; the object it makes under our still-unused key is deleted at once.
    if (parts.length === 0) {
      const empty = await client.send(
        new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: new Uint8Array(0) }),
      );
      parts.push({ PartNumber: 1, ETag: empty.ETag });
    }
    await conditional(Key, (ifNoneMatch) =>
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: parts },
          ...(ifNoneMatch ? { IfNoneMatch: '*' } : {}),
        }),
      ),
    );
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
  };

  /**
   * A multipart upload of `ready` and then the rest of `parts`, completed only if the key is still
   * free; abandoned (no part left) on any failure. Returns the bytes sent.
   */
  const putInParts = async (
    key: string,
    Key: string,
    ready: Uint8Array[],
    parts: AsyncIterator<Uint8Array>,
  ): Promise<number> => {
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key, ContentType: 'application/octet-stream' }),
    );
    if (!UploadId) throw new Error(`CreateMultipartUpload of ${Key} returned no UploadId`);
    const done: CompletedPart[] = [];
    let size = 0;
    try {
      const upload = async (body: Uint8Array) => {
        const PartNumber = done.length + 1;
        const { ETag } = await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key,
            UploadId,
            PartNumber,
            Body: body,
            ContentLength: body.byteLength,
          }),
        );
        done.push({ PartNumber, ETag });
        size += body.byteLength;
      };
      for (const body of ready) await upload(body);
      for (let next = await parts.next(); !next.done; next = await parts.next()) await upload(next.value);
      await conditional(key, (ifNoneMatch) =>
        client.send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key,
            UploadId,
            MultipartUpload: { Parts: done },
            ...(ifNoneMatch ? { IfNoneMatch: '*' } : {}),
          }),
        ),
      );
    } catch (error) {
      await abandon(Key, UploadId, done).catch(() => {});
      throw error;
    }
    return size;
  };

  /**
   * The hash of a multipart object is known only once it is complete: its metadata is set by copying
   * it onto itself. If that fails, the object goes too, so that a failed put leaves nothing.
   */
  const setSha256 = async (Key: string, sha256: string): Promise<void> => {
    try {
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key,
          CopySource: `${bucket}/${encodeURIComponent(Key).replace(/%2F/g, '/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: 'application/octet-stream',
          Metadata: { sha256 },
        }),
      );
    } catch (error) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key })).catch(() => {});
      throw error;
    }
  };

  return {
    kind: 's3',
    bucket,
    objectKey,

    async put(key, content) {
      const Key = objectKey(key);
      if (await headExists(Key)) throw new StorageKeyTakenError(key);
      const hash = createHash('sha256');
      const parts = partsOf(content, partSize, hash)[Symbol.asyncIterator]();
      try {
        const first = await parts.next();
        const second = first.done ? first : await parts.next();
        if (second.done) {
          // All of it fits in one part: one request, and the hash is known before it is sent.
          const body = first.done ? new Uint8Array(0) : first.value;
          const sha256 = hash.digest('hex');
          await conditional(key, (ifNoneMatch) =>
            client.send(
              new PutObjectCommand({
                Bucket: bucket,
                Key,
                Body: body,
                ContentLength: body.byteLength,
                ContentType: 'application/octet-stream',
                Metadata: { sha256 },
                ...(ifNoneMatch ? { IfNoneMatch: '*' } : {}),
              }),
            ),
          );
          return { key, size: body.byteLength, sha256 } satisfies StoredFile;
        }
        const size = await putInParts(key, Key, [first.value, second.value], parts);
        const sha256 = hash.digest('hex');
        await setSha256(Key, sha256);
        return { key, size, sha256 } satisfies StoredFile;
      } finally {
        // Releases the caller's iterator if a request failed before it was read to the end.
        await parts.return?.(undefined);
      }
    },

    async get(key, sha256) {
      const Key = objectKey(key);
      let bytes: Uint8Array;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
        if (!object.Body) throw new Error(`GetObject of ${Key} returned no body`);
        bytes = await object.Body.transformToByteArray();
      } catch (error) {
        if (isNotFound(error)) throw new StorageNotFoundError(key);
        throw error;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256.toLowerCase()) {
        throw new StorageIntegrityError(key);
      }
      return bytes;
    },

    async delete(key) {
      const Key = objectKey(key);
      // Parts first: an upload completed after the object was deleted would bring the key back.
      for (const UploadId of await openUploads(client, bucket, Key)) {
        try {
          await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId }));
        } catch (error) {
          if (!isNoSuchUpload(error)) throw error;
        }
      }
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
    },

    async exists(key) {
      return headExists(objectKey(key));
    },

    async probe() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },

    close() {
      if (ownClient) client.destroy();
    },
  };
}

/** A client for an S3-compatible server as STORAGE_URL and the S3_* settings describe it. */
/** How long a request may wait for a connection, and a socket stay silent, before it fails. */
export interface S3Timeouts {
  connectMs: number;
  idleMs: number;
}

export const DEFAULT_S3_TIMEOUTS: S3Timeouts = { connectMs: 5_000, idleMs: 30_000 };

export function createS3Client(
  settings: Partial<Omit<S3StorageSettings, 'bucket' | 'prefix'>>,
  timeouts: S3Timeouts = DEFAULT_S3_TIMEOUTS,
): S3Client {
  return new S3Client({
    region: settings.region ?? 'us-east-1',
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle ?? settings.endpoint !== undefined,
    // A server that does not answer must not hold an upload or an erasure for ever (the SDK's
    // defaults have no timeout): by default 5 s to connect, 30 s without a byte either way.
    requestHandler: { connectionTimeout: timeouts.connectMs, socketTimeout: timeouts.idleMs },
    // Checksums only where S3 requires them: many S3-compatible servers reject the SDK's default
    // CRC32 trailers, and every read is checked against the recorded SHA-256 anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

interface CompletedPart {
  PartNumber: number;
  ETag: string | undefined;
}

/**
 * The content in parts of `partSize` bytes (the last one shorter; one empty part for no content),
 * hashed as it is read. A buffer is cut without copying; a stream's chunks are copied (the caller
 * may reuse them once the next one is asked for) and joined when a part is full, so a short stream
 * costs its own size, not a part's.
 */
async function* partsOf(content: StorageContent, partSize: number, hash: Hash): AsyncGenerator<Uint8Array> {
  if (content instanceof Uint8Array) {
    hash.update(content);
    if (content.byteLength === 0) yield content;
    for (let at = 0; at < content.byteLength; at += partSize) yield content.subarray(at, at + partSize);
    return;
  }
  // Copies of the chunks so far (at most partSize bytes), joined into a part when it is full.
  let pending: Uint8Array[] = [];
  let filled = 0;
  let yielded = false;
  for await (const chunk of content) {
    hash.update(chunk);
    let at = 0;
    while (at < chunk.byteLength) {
      const n = Math.min(partSize - filled, chunk.byteLength - at);
      // A copy: Buffer's slice() would be a view of the caller's buffer.
      pending.push(new Uint8Array(chunk.subarray(at, at + n)));
      filled += n;
      at += n;
      if (filled === partSize) {
        yield Buffer.concat(pending, filled);
        yielded = true;
        pending = [];
        filled = 0;
      }
    }
  }
  if (filled > 0 || !yielded) yield Buffer.concat(pending, filled);
}

/**
 * Runs a write made conditional with `If-None-Match: *` (`write(true)`); a refusal means the key was
 * taken meanwhile. A server that rejects the condition itself as not implemented gets the write again
 * without it (`write(false)`): the HEAD before it has already found the key free.
 */
async function conditional(key: string, write: (ifNoneMatch: boolean) => Promise<unknown>): Promise<void> {
  try {
    await write(true);
  } catch (error) {
    const name = nameOf(error);
    // 412: the object exists; 409 ConditionalRequestConflict: a concurrent write to the key.
    if (statusOf(error) === 412 || name === 'PreconditionFailed' || name === 'ConditionalRequestConflict') {
      throw new StorageKeyTakenError(key);
    }
    if (!isUnsupported(error)) throw error;
    await write(false);
  }
}

/** The ids of the multipart uploads open for exactly `Key`; none where the server cannot list them (s3rver). */
async function openUploads(client: S3Client, bucket: string, Key: string): Promise<string[]> {
  const ids: string[] = [];
  let KeyMarker: string | undefined;
  let UploadIdMarker: string | undefined;
  for (;;) {
    let page: Awaited<ReturnType<typeof listPage>>;
    try {
      page = await listPage(client, bucket, Key, KeyMarker, UploadIdMarker);
    } catch (error) {
      if (isUnsupported(error)) return ids;
      throw error;
    }
    // Prefix also matches longer keys that begin with this one.
    for (const u of page.Uploads ?? []) if (u.Key === Key && u.UploadId) ids.push(u.UploadId);
    if (!page.IsTruncated) return ids;
    KeyMarker = page.NextKeyMarker;
    UploadIdMarker = page.NextUploadIdMarker;
  }
}

function listPage(
  client: S3Client,
  bucket: string,
  Key: string,
  KeyMarker: string | undefined,
  UploadIdMarker: string | undefined,
) {
  return client.send(
    new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: Key, KeyMarker, UploadIdMarker }),
  );
}

function nameOf(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = nameOf(error);
  if (name === 'NoSuchBucket') return false;
  // HeadObject has no body to name the error: its 404 is NotFound.
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

function isNoSuchUpload(error: unknown): boolean {
  return nameOf(error) === 'NoSuchUpload';
}

/** The server does not implement the request (s3rver: ListMultipartUploads 501, AbortMultipartUpload 405). */
function isUnsupported(error: unknown): boolean {
  const name = nameOf(error);
  const status = statusOf(error);
  return name === 'NotImplemented' || name === 'MethodNotAllowed' || status === 501 || status === 405;
}
