/**
 * The disk adapter of the file storage port: the shared contract, and what only a disk has —
 * where files land, that temporary files do not stay, and that the composition wires it to
 * STORAGE_DIR without creating anything until the first write.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiskStorage } from '../../src/adapters/storage/disk-storage.ts';
import { newStorageKey } from '../../src/adapters/storage/file-storage.ts';
import { loadConfig } from '../../src/config.ts';
import { describeStorageContract } from '../support/storage-contract.ts';
import { createTestContext } from '../support/test-app.ts';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'hw-storage-'));

describeStorageContract('disk', async () => {
  const dir = await tempDir();
  const storage = createDiskStorage(path.join(dir, 'files'));
  return {
    storage,
    async tamper(key) {
      const file = path.join(dir, 'files', key.slice(0, 2), key);
      const bytes = await readFile(file);
      bytes[0] = bytes[0]! ^ 1;
      await writeFile(file, bytes);
    },
    leftovers: () => listAll(dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('disk storage', () => {
  it('AP-2 keeps a file at <dir>/<first two characters>/<key>, readable only by the app, with no temporary file left', async () => {
    const dir = await tempDir();
    try {
      const storage = createDiskStorage(path.join(dir, 'nested', 'files'));
      const key = newStorageKey();
      await storage.put(key, Buffer.from('%PDF-1.4'));
      const files = await listAll(dir);
      expect(files).toEqual([path.join('nested', 'files', key.slice(0, 2), key)]);
      const { mode } = await stat(path.join(dir, files[0]!));
      expect(mode & 0o077).toBe(0);
      async function* failing() {
        yield Buffer.from('x');
        throw new Error('stop');
      }
      await expect(storage.put(newStorageKey(), failing())).rejects.toThrow('stop');
      expect(await listAll(dir)).toEqual(files);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('AP-2 creates no folder before the first write', async () => {
    const dir = await tempDir();
    try {
      const storage = createDiskStorage(path.join(dir, 'files'));
      expect(await storage.exists(newStorageKey())).toBe(false);
      await storage.delete(newStorageKey());
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('AP-2 UPLOAD_SPOOL_DIR, where uploads wait while they are checked, defaults to the system temporary folder', () => {
    expect(loadConfig({}).spoolDir).toBe(path.resolve(tmpdir()));
    expect(loadConfig({ UPLOAD_SPOOL_DIR: '/var/tmp/hw' }).spoolDir).toBe('/var/tmp/hw');
  });

  it('AP-2 STORAGE_DIR defaults to $DATA_DIR/files; tests get a folder of their own', async () => {
    expect(loadConfig({ DATA_DIR: '/srv/hw' }).storageDir).toBe(path.resolve('/srv/hw/files'));
    expect(loadConfig({ DATA_DIR: '/srv/hw', STORAGE_DIR: '/mnt/files' }).storageDir).toBe('/mnt/files');
    const t = await createTestContext();
    let dir = '';
    try {
      expect(t.deps.storage.kind).toBe('disk');
      dir = t.deps.config.storageDir;
      expect(dir.startsWith(tmpdir())).toBe(true);
      const stored = await t.deps.storage.put(newStorageKey(), Buffer.from('x'));
      expect(await t.deps.storage.exists(stored.key)).toBe(true);
    } finally {
      await t.close();
    }
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
