/**
 * A FileStorage wrapper that fails the way a full or failing disk does (row F4): around a real
 * adapter (the disk), `put` is given the bytes up to a budget and then the stream throws ENOSPC
 * (the adapter has written part of a temporary file by then), or the n-th `put` from now fails
 * with EIO half-way through its bytes; `delete` can be made to fail with EIO too. `clear()` ends
 * the fault: the disk has room again.
 */
import type { FileStorage, StorageContent } from '../../../src/adapters/storage/file-storage.ts';

export type FaultCode = 'ENOSPC' | 'EIO' | 'EDQUOT';

export function errnoError(code: FaultCode, syscall = 'write'): NodeJS.ErrnoException {
  const text = { ENOSPC: 'no space left on device', EIO: 'i/o error', EDQUOT: 'disk quota exceeded' }[code];
  const errno = { ENOSPC: -28, EIO: -5, EDQUOT: -122 }[code];
  return Object.assign(new Error(`${code}: ${text}, ${syscall}`), { code, errno, syscall });
}

export interface FaultyStorage extends FileStorage {
  /** Every put fails once `bytes` more bytes have been written in all (a disk with that room left). */
  failAfterBytes(bytes: number, code?: FaultCode): void;
  /** The n-th put from now (1 = the next) fails half-way through its bytes; the others succeed. */
  failOnPut(nth: number, code?: FaultCode): void;
  /** Every delete fails. */
  failDeletes(code?: FaultCode): void;
  /** The fault is over. */
  clear(): void;
  /** How many operations failed because of a fault. */
  readonly injected: number;
}

async function* chunksOf(content: StorageContent): AsyncIterable<Uint8Array> {
  if (content instanceof Uint8Array) yield content;
  else yield* content;
}

export function faultyStorage(inner: FileStorage): FaultyStorage {
  let room: { bytes: number; code: FaultCode } | null = null;
  let nthPut: { left: number; code: FaultCode } | null = null;
  let deletes: FaultCode | null = null;
  let injected = 0;

  /** The content, cut off with the error once `allowed` bytes went through. */
  async function* limited(
    content: StorageContent,
    allowed: () => number,
    spend: (n: number) => void,
    code: FaultCode,
  ) {
    for await (const chunk of chunksOf(content)) {
      const left = allowed();
      if (chunk.byteLength > left) {
        if (left > 0) yield chunk.subarray(0, left);
        spend(left);
        injected++;
        throw errnoError(code);
      }
      spend(chunk.byteLength);
      yield chunk;
    }
  }

  return {
    kind: `faulty-${inner.kind}`,
    get injected() {
      return injected;
    },
    failAfterBytes(bytes, code = 'ENOSPC') {
      room = { bytes, code };
    },
    failOnPut(nth, code = 'EIO') {
      nthPut = { left: nth, code };
    },
    failDeletes(code = 'EIO') {
      deletes = code;
    },
    clear() {
      room = null;
      nthPut = null;
      deletes = null;
    },
    async put(key, content) {
      if (nthPut && --nthPut.left === 0) {
        const { code } = nthPut;
        nthPut = null;
        const size = content instanceof Uint8Array ? content.byteLength : 1;
        let budget = Math.floor(size / 2);
        return inner.put(
          key,
          limited(
            content,
            () => budget,
            (n) => {
              budget -= n;
            },
            code,
          ),
        );
      }
      const space = room;
      if (!space) return inner.put(key, content);
      return inner.put(
        key,
        limited(
          content,
          () => space.bytes,
          (n) => {
            space.bytes -= n;
          },
          space.code,
        ),
      );
    },
    get: (key, sha256) => inner.get(key, sha256),
    async delete(key) {
      if (deletes) {
        injected++;
        throw errnoError(deletes, 'unlink');
      }
      return inner.delete(key);
    },
    exists: (key) => inner.exists(key),
  };
}
