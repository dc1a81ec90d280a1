/**
 * The file storage port (ARCHITECTURE: ports): where uploaded 応募書類 live. Use cases see only this
 * interface; the composition root picks the adapter (src/compose.ts: the local disk, or an
 * S3-compatible bucket with STORAGE_URL, ADR 0037). Keys are generated ids, never a user's file
 * name; the caller records `sha256` with its row and hands it back to `get`, which refuses bytes
 * that no longer match.
 */
import { randomBytes } from 'node:crypto';

export interface StoredFile {
  key: string;
  size: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
}

export type StorageContent = Uint8Array | AsyncIterable<Uint8Array>;

export interface FileStorage {
  readonly kind: string;
  /**
   * Stores new bytes under a new key, atomically: after a crash the key holds all of them or nothing.
   * Refuses a key in use. Keeps no reference to `content` once it has resolved (the caller may reuse
   * the buffer: uploads are read back into shared buffers).
   */
  put(key: string, content: StorageContent): Promise<StoredFile>;
  /** The bytes of `key`, checked against the SHA-256 recorded at `put` (StorageIntegrityError if they differ). */
  get(key: string, sha256: string): Promise<Uint8Array>;
  /** Removes `key`; removing a key that is not there is no error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** A key: 16–128 URL-safe characters, no dot, no slash — never a path. */
export const STORAGE_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/** A new random key (24 bytes from the CSPRNG, base64url: 32 characters). */
export function newStorageKey(): string {
  return randomBytes(24).toString('base64url');
}

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new StorageKeyError(key);
}

export class StorageKeyError extends Error {
  override name = 'StorageKeyError';
  constructor(key: string) {
    super(`not a storage key: ${JSON.stringify(key.slice(0, 40))}`);
  }
}

/** The bytes read back differ from those stored (disk fault, tampering): never hand them out. */
export class StorageIntegrityError extends Error {
  override name = 'StorageIntegrityError';
  constructor(readonly key: string) {
    super(`stored file ${key} does not match its recorded SHA-256`);
  }
}

export class StorageNotFoundError extends Error {
  override name = 'StorageNotFoundError';
  constructor(readonly key: string) {
    super(`no stored file ${key}`);
  }
}

export class StorageKeyTakenError extends Error {
  override name = 'StorageKeyTakenError';
  constructor(readonly key: string) {
    super(`stored file ${key} already exists`);
  }
}
