/**
 * The deletion ledger on disk (SPEC DR-2, ADR 0032): append-only JSON-lines files in LEDGER_DIR,
 * outside the database and its backups. Every append is one write(2) on a file opened O_APPEND
 * (several processes may append at once: each batch lands whole) followed by fdatasync, so an
 * erasure is on disk before its bytes are deleted. A new file's directory entry is synced too.
 */
import { constants } from 'node:fs';
import { access, type FileHandle, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../config.ts';
import {
  formatEntries,
  LEDGER_FILE,
  type LedgerEntry,
  ledgerFileName,
  parseLedger,
} from '../../modules/applications/ledger.rules.ts';

export interface DeletionLedger {
  readonly dir: string;
  /** Appends the entries durably (one write, then fdatasync); throws when the disk refuses. */
  append(entries: readonly LedgerEntry[]): Promise<void>;
  /** Every entry of every ledger file, oldest file first; unreadable lines are counted in `skipped`. */
  read(): Promise<{ entries: LedgerEntry[]; skipped: number; files: number }>;
}

export function createFileLedger(dir: string): DeletionLedger {
  return {
    dir,
    async append(entries) {
      if (entries.length === 0) return;
      const file = path.join(dir, ledgerFileName(new Date(entries[0]!.at)));
      await mkdir(dir, { recursive: true });
      const handle = await open(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o640);
      try {
        const { size } = await handle.stat();
        let text = formatEntries(entries);
        // After a crash mid-append the file may end inside a line: start on a fresh one.
        if (size > 0 && (await lastByte(handle, size)) !== 0x0a) text = `\n${text}`;
        const bytes = Buffer.from(text, 'utf8');
        let written = 0;
        while (written < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
          written += bytesWritten;
        }
        await handle.datasync();
        if (size === 0) await syncDirectory(dir);
      } finally {
        await handle.close();
      }
    },
    async read() {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => LEDGER_FILE.test(n)).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0, files: 0 };
        throw error;
      }
      const entries: LedgerEntry[] = [];
      let skipped = 0;
      for (const name of names) {
        const parsed = parseLedger(await readFile(path.join(dir, name), 'utf8'));
        entries.push(...parsed.entries);
        skipped += parsed.skipped;
      }
      return { entries, skipped, files: names.length };
    },
  };
}

/**
 * Start-up check: LEDGER_DIR (or, before the first erasure created it, its nearest existing parent)
 * must be a writable folder. Nothing is created here.
 */
export async function assertLedgerWritable(dir: string): Promise<void> {
  let probe = path.resolve(dir);
  for (;;) {
    try {
      const info = await stat(probe);
      if (!info.isDirectory())
        throw new ConfigError('LEDGER_DIR', `is not a writable folder: ${probe} is a file`);
      await access(probe, constants.W_OK | constants.X_OK);
      return;
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && path.dirname(probe) !== probe) {
        probe = path.dirname(probe);
        continue;
      }
      throw new ConfigError('LEDGER_DIR', `is not a writable folder: ${probe} (${code ?? String(error)})`);
    }
  }
}

async function lastByte(handle: FileHandle, size: number): Promise<number> {
  const one = Buffer.alloc(1);
  // pread: an O_APPEND descriptor still reads at a given position.
  await handle.read(one, 0, 1, size - 1);
  return one[0]!;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file's own data is synced.
  } finally {
    await handle.close();
  }
}
