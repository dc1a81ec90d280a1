/**
 * What every FileStorage adapter must do, as one suite any adapter runs: `describeStorageContract`
 * with a factory that builds a fresh store, a way to damage a stored file behind its back, and a
 * cleanup. The disk adapter runs it in tests/integration/storage.test.ts; the S3-compatible adapter
 * runs it in tests/integration/s3-storage.test.ts against a local S3 (s3rver, tests/support/s3.ts)
 * with `tamper` overwriting the object.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FileStorage,
  newStorageKey,
  STORAGE_KEY,
  StorageIntegrityError,
  StorageKeyError,
  StorageKeyTakenError,
  StorageNotFoundError,
} from '../../src/adapters/storage/file-storage.ts';

export interface StorageUnderTest {
  storage: FileStorage;
  /** Changes the stored bytes of `key` without going through the port (a disk fault, tampering). */
  tamper(key: string): Promise<void>;
  /**
   * Everything the store holds under any name, seen behind the port: files and temporary files on a
   * disk; objects and unfinished multipart uploads in a bucket. Empty for a fresh store.
   */
  leftovers?(): Promise<string[]>;
  cleanup(): Promise<void>;
}

/**
 * Long enough to be sent in parts by an adapter that splits large content (more than two parts of
 * S3's smallest, 5 MiB, so that a multipart upload has begun before the stream fails).
 */
export const LONG_STREAM_BYTES = 11 * 1024 * 1024;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* chunks(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export function describeStorageContract(name: string, make: () => Promise<StorageUnderTest>): void {
  describe(`FileStorage contract: ${name}`, () => {
    let current: StorageUnderTest | null = null;
    const fresh = async () => {
      current = await make();
      return current;
    };
    afterEach(async () => {
      await current?.cleanup();
      current = null;
    });

    it('AP-2 generates keys that are never paths and are all different', () => {
      const keys = new Set(Array.from({ length: 1000 }, newStorageKey));
      expect(keys.size).toBe(1000);
      for (const key of keys) expect(key).toMatch(STORAGE_KEY);
    });

    it('AP-2 stores bytes and gives them back checked against their SHA-256, from a buffer or a stream', async () => {
      const { storage } = await fresh();
      const bytes = new Uint8Array(2_097_152).map((_, i) => (i * 31) % 251);
      const key = newStorageKey();
      const stored = await storage.put(key, bytes);
      expect(stored).toEqual({ key, size: bytes.length, sha256: sha(bytes) });
      expect(await storage.exists(key)).toBe(true);
      expect(Buffer.from(await storage.get(key, stored.sha256))).toEqual(Buffer.from(bytes));
      const streamed = await storage.put(newStorageKey(), chunks(bytes, 65_536));
      expect(streamed.sha256).toBe(stored.sha256);
      expect((await storage.get(streamed.key, streamed.sha256)).length).toBe(bytes.length);
      const empty = await storage.put(newStorageKey(), new Uint8Array(0));
      expect(empty.size).toBe(0);
      expect((await storage.get(empty.key, empty.sha256)).length).toBe(0);
    });

    it('AP-2 refuses to hand out bytes that no longer match the recorded SHA-256', async () => {
      const { storage, tamper } = await fresh();
      const stored = await storage.put(newStorageKey(), Buffer.from('履歴書の中身'));
      await expect(storage.get(stored.key, sha(Buffer.from('something else')))).rejects.toBeInstanceOf(
        StorageIntegrityError,
      );
      await tamper(stored.key);
      await expect(storage.get(stored.key, stored.sha256)).rejects.toBeInstanceOf(StorageIntegrityError);
    });

    it('AP-2 never overwrites a key, and deleting is idempotent', async () => {
      const { storage } = await fresh();
      const stored = await storage.put(newStorageKey(), Buffer.from('first'));
      await expect(storage.put(stored.key, Buffer.from('second'))).rejects.toBeInstanceOf(
        StorageKeyTakenError,
      );
      expect(Buffer.from(await storage.get(stored.key, stored.sha256)).toString()).toBe('first');
      await storage.delete(stored.key);
      expect(await storage.exists(stored.key)).toBe(false);
      await expect(storage.get(stored.key, stored.sha256)).rejects.toBeInstanceOf(StorageNotFoundError);
      await storage.delete(stored.key);
      await storage.delete(newStorageKey());
    });

    it('AP-2 refuses keys with path parts or other characters, before touching anything', async () => {
      const { storage } = await fresh();
      for (const key of [
        '../../etc/passwd',
        'a/bcdefghijklmnopq',
        'abcdefghijklmnop.pdf',
        '..abcdefghijklmnop',
        'short',
        '',
        `x${'\u0000'}yyyyyyyyyyyyyyyy`,
        '履歴書履歴書履歴書履歴書履歴書履歴書',
      ]) {
        await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.get(key, sha(Buffer.from('x')))).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.exists(key)).rejects.toBeInstanceOf(StorageKeyError);
        await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
      }
    });

    it('AP-2 a failed write leaves nothing under the key', async () => {
      const { storage } = await fresh();
      const key = newStorageKey();
      async function* failing() {
        yield Buffer.from('half of a file');
        throw new Error('client went away');
      }
      await expect(storage.put(key, failing())).rejects.toThrow('client went away');
      expect(await storage.exists(key)).toBe(false);
      // And the key is still free.
      const stored = await storage.put(key, Buffer.from('whole'));
      expect(stored.size).toBe(5);
    });

    it('AP-2 a stream that hands out one buffer refilled for every chunk (as upload readers do) is stored as it was sent', async () => {
      const { storage } = await fresh();
      const expected = createHash('sha256');
      async function* reused() {
        const buffer = Buffer.alloc(1024 * 1024);
        for (let i = 0; i * buffer.length < LONG_STREAM_BYTES + 1; i++) {
          buffer.fill(i % 251);
          expected.update(buffer);
          yield buffer;
        }
      }
      const stored = await storage.put(newStorageKey(), reused());
      expect(stored.sha256).toBe(expected.digest('hex'));
      const bytes = await storage.get(stored.key, stored.sha256);
      expect(bytes.length).toBe(stored.size);
      expect([bytes[0], bytes[1024 * 1024], bytes[bytes.length - 1]]).toEqual([0, 1, 11]);
    });

    it('AP-2 DR-2 a write that fails part-way through a long stream, and a delete, leave nothing behind: no object, no temporary part', async (ctx) => {
      const { storage, leftovers } = await fresh();
      if (!leftovers) return ctx.skip();
      expect(await leftovers()).toEqual([]);
      const key = newStorageKey();
      async function* failingLong() {
        const chunk = new Uint8Array(1024 * 1024).fill(7);
        for (let sent = 0; sent < LONG_STREAM_BYTES; sent += chunk.length) yield chunk;
        throw new Error('client went away');
      }
      await expect(storage.put(key, failingLong())).rejects.toThrow('client went away');
      expect(await storage.exists(key)).toBe(false);
      expect(await leftovers()).toEqual([]);
      const stored = await storage.put(
        key,
        chunks(new Uint8Array(LONG_STREAM_BYTES + 3).fill(9), 1024 * 1024),
      );
      expect(stored.size).toBe(LONG_STREAM_BYTES + 3);
      expect((await leftovers()).length).toBeGreaterThan(0);
      await storage.delete(key);
      expect(await leftovers()).toEqual([]);
    });
  });
}
