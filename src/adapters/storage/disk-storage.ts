/**
 * FileStorage on a local disk under STORAGE_DIR. A file `key` lives at `<dir>/<key[0..2]>/<key>`
 * (a two-character fan-out keeps folders small). Writes are atomic and durable: the bytes go to a
 * temporary file in the same folder, are fsynced, then linked to the final name (link refuses an
 * existing name, so a key is never overwritten) and the folder is fsynced. A crash leaves either
 * nothing or the whole file under the key; a stray `.tmp-*` file at most, which no key can name.
 * Folders are created on first write, so an app that never stores a file creates none.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import {
  assertStorageKey,
  type FileStorage,
  type StorageContent,
  StorageIntegrityError,
  StorageKeyTakenError,
  StorageNotFoundError,
  type StoredFile,
} from './file-storage.ts';

export function createDiskStorage(dir: string): FileStorage {
  const root = path.resolve(dir);
  const folderOf = (key: string) => path.join(root, key.slice(0, 2));
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(folderOf(key), key);
  };

  return {
    kind: 'disk',

    async put(key, content) {
      const target = fileOf(key);
      const folder = folderOf(key);
      const created = await ensureFolder(root, folder);
      const temp = path.join(folder, `.tmp-${randomBytes(8).toString('hex')}`);
      const hash = createHash('sha256');
      let size = 0;
      const handle = await open(temp, 'wx', 0o600);
      try {
        try {
          for await (const chunk of chunksOf(content)) {
            hash.update(chunk);
            size += chunk.byteLength;
            await writeAll(handle, chunk);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
        await publish(temp, target, key);
      } finally {
        await unlink(temp).catch(() => {});
      }
      await syncFolder(folder);
      if (created) await syncFolder(root);
      return { key, size, sha256: hash.digest('hex') } satisfies StoredFile;
    },

    async get(key, sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(key));
      } catch (error) {
        if (isCode(error, 'ENOENT')) throw new StorageNotFoundError(key);
        throw error;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256.toLowerCase()) {
        throw new StorageIntegrityError(key);
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },

    async delete(key) {
      try {
        await unlink(fileOf(key));
      } catch (error) {
        if (isCode(error, 'ENOENT')) return;
        throw error;
      }
      await syncFolder(folderOf(key));
    },

    async exists(key) {
      try {
        return (await stat(fileOf(key))).isFile();
      } catch (error) {
        if (isCode(error, 'ENOENT')) return false;
        throw error;
      }
    },
  };
}

async function* chunksOf(content: StorageContent): AsyncIterable<Uint8Array> {
  if (content instanceof Uint8Array) yield content;
  else yield* content;
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let at = 0;
  while (at < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, at, chunk.byteLength - at);
    at += bytesWritten;
  }
}

/** Gives the temporary file its final name without ever replacing an existing one. */
async function publish(temp: string, target: string, key: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    if (isCode(error, 'EEXIST')) throw new StorageKeyTakenError(key);
    // A file system without hard links: rename, after checking the name is free.
    if (!isCode(error, 'EPERM') && !isCode(error, 'ENOTSUP') && !isCode(error, 'EOPNOTSUPP')) throw error;
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      throw new StorageKeyTakenError(key);
    await rename(temp, target);
  }
}

/** Creates the root and the fan-out folder as needed; true when the fan-out folder is new. */
async function ensureFolder(root: string, folder: string): Promise<boolean> {
  await mkdir(root, { recursive: true });
  try {
    await mkdir(folder);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  }
}

/** fsync of a folder makes a new or removed name in it durable. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isCode(error: unknown, code: string): boolean {
  return (error as { code?: string } | null)?.code === code;
}
