/**
 * A local S3 for a test file (ADR 0037): s3rver 3.7 in this process, on a free port of 127.0.0.1,
 * keeping its objects in a temporary folder of its own, with one bucket made at start.
 *
 * s3rver lacks three things AWS S3 has: ListMultipartUploads (501), AbortMultipartUpload (405) and
 * conditional writes (`If-None-Match: *` on PutObject and CompleteMultipartUpload is ignored). Plain,
 * it is the "S3-compatible server without them" that the adapter's fallbacks are for. With
 * `{ fullApi: true }` this file adds the three to it (test code only, in front of s3rver's router,
 * reading and removing its upload folders), so that the adapter's S3 path runs too.
 *
 * `openUploads()` reads the upload folders on disk, so it sees unfinished uploads even where the
 * server cannot list them.
 *
 * One fix to s3rver itself, also here only: its store answers a PUT when the bytes have passed its
 * MD5 transform, not when they are in the file (`finish` of the transform, not of the write stream),
 * so a GET right after could read a short file under load. The wrapped `putObject` waits until the
 * file has all its bytes.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver, { type S3rverContext } from 's3rver';
import { createS3Client, createS3Storage, type S3Storage } from '../../src/adapters/storage/s3-storage.ts';

/** s3rver's one account. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** A client of this server (closed by stop()). */
  client: S3Client;
  /** The settings that make the app store files here under `prefix` (STORAGE_URL and S3_*). */
  env(prefix: string): Record<string, string>;
  /** An adapter on this server's client (its own close() leaves the client open). */
  storage(prefix: string, options?: { partSize?: number }): S3Storage;
  /** Names of the objects under `prefix`, sorted. */
  objectKeys(prefix?: string): Promise<string[]>;
  /** Object names of the multipart uploads not completed or aborted, from the server's folder. */
  openUploads(prefix?: string): Promise<string[]>;
  /** Writes an object directly (not through the adapter): tampering. */
  overwrite(objectKey: string, bytes: Uint8Array): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3(options: { fullApi?: boolean; bucket?: string } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? 'hellowork-test';
  const directory = await mkdtemp(path.join(tmpdir(), 'hw-s3-'));
  const uploadsDir = path.join(directory, bucket, '._S3rver_uploads');
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const store = server.store;
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    const result = await putObject(object);
    await untilSize(store.getResourcePath(object.bucket, object.key, 'object'), result.size);
    return result;
  };
  // s3rver's router is its last middleware; the additions answer before it.
  if (options.fullApi) server.middleware.splice(server.middleware.length - 1, 0, fullApi(directory));
  let address: Awaited<ReturnType<S3rver['run']>>;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = createS3Client({ endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS });

  const uploads = async (): Promise<string[]> => {
    let ids: string[];
    try {
      ids = await readdir(uploadsDir);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
    return Promise.all(ids.map((id) => readFile(path.join(uploadsDir, id, 'key'), 'utf8')));
  };

  return {
    endpoint,
    bucket,
    client,
    env: (prefix) => ({
      STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    }),
    storage: (prefix, storageOptions = {}) => createS3Storage({ bucket, prefix, client, ...storageOptions }),
    async objectKeys(prefix = '') {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }),
        );
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    async openUploads(prefix = '') {
      return (await uploads()).filter((k) => k.startsWith(prefix)).sort();
    },
    async overwrite(objectKey, bytes) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: bytes }));
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Waits (up to 10 s) until `file` holds `size` bytes. */
async function untilSize(file: string, size: number): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 10_000; ) {
    if ((await stat(file)).size >= size) return;
    await wait(5);
  }
  throw new Error(`s3rver did not finish writing ${file}`);
}

/**
 * ListMultipartUploads, AbortMultipartUpload and `If-None-Match: *` on PutObject and
 * CompleteMultipartUpload, as AWS S3 answers them, over s3rver's own folders
 * (`<bucket>/._S3rver_uploads/<uploadId>/key`, `<key>._S3rver_object`).
 */
function fullApi(directory: string) {
  const uploadsOf = (bucket: string) => path.join(directory, bucket, '._S3rver_uploads');
  const fail = (ctx: S3rverContext, status: number, code: string, message: string) => {
    ctx.status = status;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  };
  const has = (ctx: S3rverContext, name: string) => name in ctx.query;
  const exists = (file: string) =>
    stat(file).then(
      () => true,
      () => false,
    );

  return async (ctx: S3rverContext, next: () => Promise<void>) => {
    const [, bucket = '', ...rest] = ctx.path.split('/');
    const key = decodeURIComponent(rest.join('/'));
    if (ctx.method === 'GET' && bucket && !key && has(ctx, 'uploads')) {
      const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
      const ids = await readdir(uploadsOf(bucket)).catch(() => [] as string[]);
      const found = await Promise.all(
        ids.map(async (id) => ({
          Key: await readFile(path.join(uploadsOf(bucket), id, 'key'), 'utf8'),
          UploadId: id,
        })),
      );
      ctx.body = {
        ListMultipartUploadsResult: {
          Bucket: bucket,
          Prefix: prefix,
          IsTruncated: false,
          Upload: found.filter((u) => u.Key.startsWith(prefix)),
        },
      };
      return;
    }
    if (ctx.method === 'DELETE' && key && typeof ctx.query.uploadId === 'string') {
      const folder = path.join(uploadsOf(bucket), path.basename(ctx.query.uploadId));
      if (!(await exists(folder)))
        return fail(ctx, 404, 'NoSuchUpload', 'The specified upload does not exist.');
      await rm(folder, { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = '';
      return;
    }
    const conditionalWrite =
      ctx.headers['if-none-match'] === '*' &&
      key &&
      ((ctx.method === 'PUT' && !has(ctx, 'uploadId') && !ctx.headers['x-amz-copy-source']) ||
        (ctx.method === 'POST' && has(ctx, 'uploadId')));
    if (conditionalWrite && (await exists(path.join(directory, bucket, `${key}._S3rver_object`)))) {
      return fail(
        ctx,
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
      );
    }
    await next();
  };
}
