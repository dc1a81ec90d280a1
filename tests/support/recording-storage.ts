/**
 * The app's own file storage, wrapped so a test can see every completed delete and stop a run in
 * the middle: make the n-th delete from now hang forever before or after deleting the file (a worker
 * killed there: the rest of its run never happens), or throw (storage failing). Installed as
 * the app's storage port (`ctx.deps.storage = …`, or the test app's `storage` option).
 */
import { readdir } from 'node:fs/promises';
import type { FileStorage } from '../../src/adapters/storage/file-storage.ts';

/** What a delete that was made to fail throws. */
export class SimulatedKill extends Error {
  override name = 'SimulatedKill';
}

export class RecordingStorage implements FileStorage {
  readonly kind = 'recording';
  /** Keys whose delete completed, in order (a key deleted twice is listed twice). */
  readonly deleted: string[] = [];
  /** Keys whose file was still there when a delete of it ran: the real erasures (a repeat is a no-op). */
  readonly erased: string[] = [];
  /** When set, the n-th delete from now never returns. */
  private hangAt: number | undefined;
  /** When set, the n-th delete from now deletes the file and then never returns. */
  private hangAfterAt: number | undefined;
  /** When set, the n-th delete from now throws SimulatedKill (before deleting anything). */
  private failAt: number | undefined;
  constructor(
    private readonly inner: FileStorage,
    readonly dir: string,
  ) {}
  put(key: string, content: Parameters<FileStorage['put']>[1]) {
    return this.inner.put(key, content);
  }
  get(key: string, sha256: string) {
    return this.inner.get(key, sha256);
  }
  exists(key: string) {
    return this.inner.exists(key);
  }
  async delete(key: string): Promise<void> {
    if (this.hangAt !== undefined && --this.hangAt === 0) return new Promise<void>(() => {});
    if (this.failAt !== undefined && --this.failAt === 0) {
      this.failAt = undefined;
      throw new SimulatedKill(`killed before deleting ${key}`);
    }
    const there = await this.inner.exists(key);
    await this.inner.delete(key);
    this.deleted.push(key);
    if (there) this.erased.push(key);
    if (this.hangAfterAt !== undefined && --this.hangAfterAt === 0) return new Promise<void>(() => {});
  }
  hangOnDelete(n: number): void {
    this.hangAt = n;
  }
  hangAfterDelete(n: number): void {
    this.hangAfterAt = n;
  }
  failOnDelete(n: number): void {
    this.failAt = n;
  }
  reset(): void {
    this.hangAt = undefined;
    this.failAt = undefined;
    this.hangAfterAt = undefined;
    this.deleted.length = 0;
    this.erased.length = 0;
  }
  /** The keys of the files on disk. */
  async files(): Promise<string[]> {
    const entries = await readdir(this.dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }
}
