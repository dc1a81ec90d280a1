/**
 * The S3-compatible adapter of the file storage port (ADR 0037), against s3rver in this process
 * (tests/support/s3.ts) twice: plain, where the adapter's fallbacks run (no ListMultipartUploads,
 * AbortMultipartUpload or conditional writes), and with those three added, as AWS S3 answers.
 * The shared contract, then what only a bucket has: the prefix, multipart uploads, their abort, and
 * a key taken between the check and the write.
 */
import { createHash, randomUUID } from 'node:crypto';
import net from 'node:net';
import {
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStorageKey, StorageKeyTakenError } from '../../src/adapters/storage/file-storage.ts';
import { createS3Client, createS3Storage, MIN_PART_SIZE } from '../../src/adapters/storage/s3-storage.ts';
import { type LocalS3, S3RVER_CREDENTIALS, startS3 } from '../support/s3.ts';
import { describeStorageContract } from '../support/storage-contract.ts';

const servers: Record<'plain' | 'full', LocalS3 | null> = { plain: null, full: null };
const server = (which: 'plain' | 'full') => servers[which]!;

beforeAll(async () => {
  servers.plain = await startS3();
  servers.full = await startS3({ fullApi: true });
});
afterAll(async () => {
  await servers.plain?.stop();
  await servers.full?.stop();
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* chunks(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Everything under `prefix/`: objects, and uploads not completed or aborted. */
async function leftoversOf(s3: LocalS3, prefix: string): Promise<string[]> {
  const objects = await s3.objectKeys(`${prefix}/`);
  const uploads = (await s3.openUploads(`${prefix}/`)).map((k) => `upload of ${k}`);
  return [...objects, ...uploads];
}

for (const [which, label] of [
  ['plain', 's3rver (no multipart listing, abort or conditional writes)'],
  ['full', 's3rver with ListMultipartUploads, AbortMultipartUpload and If-None-Match, as AWS S3'],
] as const) {
  describeStorageContract(`s3 on ${label}`, async () => {
    const s3 = server(which);
    const prefix = `contract/${randomUUID()}`;
    const storage = s3.storage(prefix, { partSize: MIN_PART_SIZE });
    return {
      storage,
      tamper: (key) => s3.overwrite(storage.objectKey(key), Buffer.from('something else entirely')),
      leftovers: () => leftoversOf(s3, prefix),
      cleanup: async () => storage.close(),
    };
  });
}

/**
 * A client of `s3` that records which commands it sends. `hideObjects`: HeadObject always says 404;
 * `refuseConditions`: a request with If-None-Match is answered 501, as by a server without
 * conditional writes that says so; `fail`: that command fails (500).
 */
function recordingClient(
  s3: LocalS3,
  options: { hideObjects?: boolean; refuseConditions?: boolean; fail?: string } = {},
) {
  const client: S3Client = createS3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
  });
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName).replace(/Command$/, '');
      sent.push(name);
      if (options.hideObjects && name === 'HeadObject') {
        throw Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
      }
      if (name === options.fail) {
        throw Object.assign(new Error('InternalError'), {
          name: 'InternalError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      if (options.refuseConditions && (args.input as { IfNoneMatch?: string }).IfNoneMatch) {
        throw Object.assign(new Error('NotImplemented'), {
          name: 'NotImplemented',
          $metadata: { httpStatusCode: 501 },
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return { client, sent };
}

describe('s3 storage', () => {
  it('AP-2 keeps an object at <prefix>/<key> with its SHA-256 as metadata, and nothing outside the prefix', async () => {
    const s3 = server('full');
    const storage = s3.storage('/tenant-a/files/');
    const other = s3.storage('tenant-b');
    const key = newStorageKey();
    const stored = await storage.put(key, Buffer.from('%PDF-1.4 履歴書'));
    expect(storage.objectKey(key)).toBe(`tenant-a/files/${key}`);
    expect(await s3.objectKeys('tenant-')).toEqual([`tenant-a/files/${key}`]);
    const head = await s3.client.send(
      new HeadObjectCommand({ Bucket: s3.bucket, Key: `tenant-a/files/${key}` }),
    );
    expect(head.Metadata).toEqual({ sha256: stored.sha256 });
    expect(await other.exists(key)).toBe(false);
    await other.delete(key);
    expect(await storage.exists(key)).toBe(true);
    await storage.delete(key);
    expect(await s3.objectKeys('tenant-')).toEqual([]);
  });

  it('AP-2 content up to one part goes as one PutObject; a longer stream or buffer as a multipart upload of 5 MiB parts, hashed on the way', async () => {
    const s3 = server('plain');
    const { client, sent } = recordingClient(s3);
    try {
      const storage = createS3Storage({
        bucket: s3.bucket,
        prefix: 'multipart',
        client,
        partSize: MIN_PART_SIZE,
      });
      const exact = new Uint8Array(MIN_PART_SIZE).fill(1);
      await storage.put(newStorageKey(), chunks(exact, 65_536));
      expect(sent).toEqual(['HeadObject', 'PutObject']);

      sent.length = 0;
      const bytes = new Uint8Array(12 * 1024 * 1024 + 5).map((_, i) => (i * 7) % 253);
      const streamed = await storage.put(newStorageKey(), chunks(bytes, 100_000));
      expect(sent).toEqual([
        'HeadObject',
        'CreateMultipartUpload',
        'UploadPart',
        'UploadPart',
        'UploadPart',
        'CompleteMultipartUpload',
        'CopyObject',
      ]);
      expect(streamed).toMatchObject({ size: bytes.length, sha256: sha(bytes) });
      expect(Buffer.from(await storage.get(streamed.key, streamed.sha256)).equals(Buffer.from(bytes))).toBe(
        true,
      );
      const head = await client.send(
        new HeadObjectCommand({ Bucket: s3.bucket, Key: storage.objectKey(streamed.key) }),
      );
      expect(head).toMatchObject({ ContentLength: bytes.length, Metadata: { sha256: sha(bytes) } });

      sent.length = 0;
      const buffered = await storage.put(newStorageKey(), bytes);
      expect(sent.filter((c) => c === 'UploadPart')).toHaveLength(3);
      expect(buffered.sha256).toBe(streamed.sha256);
      expect(await s3.openUploads('multipart/')).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('AP-2 refuses a part size under S3’s 5 MiB minimum', () => {
    expect(() => createS3Storage({ bucket: 'b', partSize: MIN_PART_SIZE - 1 })).toThrow(RangeError);
  });

  it('AP-2 DR-2 a multipart upload that fails is aborted; where the server has no abort, its parts are assembled and deleted', async () => {
    async function* failingAfter(bytes: number) {
      const chunk = new Uint8Array(1024 * 1024).fill(3);
      for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
      throw new Error('client went away');
    }
    for (const [which, cleanup] of [
      ['full', ['AbortMultipartUpload']],
      ['plain', ['AbortMultipartUpload', 'CompleteMultipartUpload', 'DeleteObject']],
    ] as const) {
      const s3 = server(which);
      const { client, sent } = recordingClient(s3);
      try {
        const prefix = `failing-${randomUUID()}`;
        const storage = createS3Storage({ bucket: s3.bucket, prefix, client, partSize: MIN_PART_SIZE });
        const key = newStorageKey();
        await expect(storage.put(key, failingAfter(11 * 1024 * 1024))).rejects.toThrow('client went away');
        expect(sent).toEqual(['HeadObject', 'CreateMultipartUpload', 'UploadPart', 'UploadPart', ...cleanup]);
        expect(await leftoversOf(s3, prefix)).toEqual([]);
        expect(await storage.exists(key)).toBe(false);
      } finally {
        client.destroy();
      }
    }
  });

  it('AP-2 a failure in any request of a multipart put leaves nothing: not the parts, not the completed object', async () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(8);
    for (const fail of ['UploadPart', 'CompleteMultipartUpload', 'CopyObject']) {
      const s3 = server('full');
      const { client } = recordingClient(s3, { fail });
      try {
        const prefix = `fails-${fail}`;
        const storage = createS3Storage({ bucket: s3.bucket, prefix, client, partSize: MIN_PART_SIZE });
        const key = newStorageKey();
        await expect(storage.put(key, big), fail).rejects.toThrow('InternalError');
        expect(await leftoversOf(s3, prefix), fail).toEqual([]);
      } finally {
        client.destroy();
      }
    }
  });

  it('AP-2 DR-2 deleting a key also aborts the multipart uploads still open for it (a crashed writer’s parts), and only for it', async () => {
    const s3 = server('full');
    const prefix = `crashed-${randomUUID()}`;
    const storage = s3.storage(prefix);
    const key = newStorageKey();
    const longer = `${key}X`;
    for (const name of [key, key, longer]) {
      const Key = `${prefix}/${name}`;
      const { UploadId } = await s3.client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key }));
      await s3.client.send(
        new UploadPartCommand({ Bucket: s3.bucket, Key, UploadId, PartNumber: 1, Body: Buffer.from('part') }),
      );
    }
    await storage.put(key, Buffer.from('the finished file'));
    expect(await s3.openUploads(prefix)).toEqual([
      `${prefix}/${key}`,
      `${prefix}/${key}`,
      `${prefix}/${longer}`,
    ]);
    await storage.delete(key);
    expect(await s3.openUploads(prefix)).toEqual([`${prefix}/${longer}`]);
    expect(await s3.objectKeys(prefix)).toEqual([]);
    await storage.delete(longer);
    expect(await leftoversOf(s3, prefix)).toEqual([]);
  });

  it('AP-2 a key taken between the check and the write is refused by the conditional write, in one part or many', async () => {
    const s3 = server('full');
    const { client, sent } = recordingClient(s3, { hideObjects: true });
    try {
      const prefix = `race-${randomUUID()}`;
      const storage = createS3Storage({ bucket: s3.bucket, prefix, client, partSize: MIN_PART_SIZE });
      const honest = s3.storage(prefix);
      const first = await honest.put(newStorageKey(), Buffer.from('first'));
      await expect(storage.put(first.key, Buffer.from('second'))).rejects.toBeInstanceOf(
        StorageKeyTakenError,
      );
      await expect(
        storage.put(first.key, chunks(new Uint8Array(11 * 1024 * 1024), 1024 * 1024)),
      ).rejects.toBeInstanceOf(StorageKeyTakenError);
      expect(sent).toContain('AbortMultipartUpload');
      expect(Buffer.from(await honest.get(first.key, first.sha256)).toString()).toBe('first');
      expect(await leftoversOf(s3, prefix)).toEqual([`${prefix}/${first.key}`]);
    } finally {
      client.destroy();
    }
  });

  it('AP-2 a server that answers If-None-Match with 501 gets the write again without it, after the HEAD found the key free', async () => {
    const s3 = server('plain');
    const { client, sent } = recordingClient(s3, { refuseConditions: true });
    try {
      const storage = createS3Storage({
        bucket: s3.bucket,
        prefix: 'no-conditions',
        client,
        partSize: MIN_PART_SIZE,
      });
      const small = await storage.put(newStorageKey(), Buffer.from('small'));
      expect(sent).toEqual(['HeadObject', 'PutObject', 'PutObject']);
      const big = new Uint8Array(11 * 1024 * 1024).fill(5);
      sent.length = 0;
      const large = await storage.put(newStorageKey(), big);
      expect(sent.filter((c) => c === 'CompleteMultipartUpload')).toHaveLength(2);
      expect(Buffer.from(await storage.get(small.key, small.sha256)).toString()).toBe('small');
      expect((await storage.get(large.key, large.sha256)).length).toBe(big.length);
      await expect(storage.put(small.key, Buffer.from('again'))).rejects.toBeInstanceOf(StorageKeyTakenError);
      expect(await s3.openUploads('no-conditions/')).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('AP-2 a server that accepts the connection and never answers fails the request after the idle timeout, not never', async () => {
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const client = createS3Client(
      { endpoint: `http://127.0.0.1:${port}`, credentials: S3RVER_CREDENTIALS },
      { connectMs: 500, idleMs: 300 },
    );
    try {
      const storage = createS3Storage({ bucket: 'silent', client });
      const started = Date.now();
      await expect(storage.exists(newStorageKey())).rejects.toThrow();
      // The SDK tries three times with a short back-off: about a second, where no timeout would hang.
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(held.length).toBeGreaterThanOrEqual(1);
    } finally {
      client.destroy();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
