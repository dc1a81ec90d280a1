/**
 * `npm run backup:base -- [--url postgres://…] [--out DIR]` (ADR 0032): a base backup of a running
 * PostgreSQL (pg_basebackup, plain format, the WAL it needs streamed in, a SHA-256 manifest checked
 * by pg_verifybackup). The server must have WAL archiving on (wal_level=replica, archive_mode=on,
 * an archive_command copying to storage of its own): the base backup plus the archive give a
 * restore to any moment after it (`npm run backup:restore`). The URL's user needs the REPLICATION
 * privilege. Defaults: DATABASE_URL, and ./backups/base-<UTC time>.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { baseBackup } from './pg-tools.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' } } });
const url = values.url ?? process.env.DATABASE_URL;
if (!url) {
  process.stderr.write(
    'backup:base: give --url postgres://… or set DATABASE_URL (PGlite: npm run backup:pglite)\n',
  );
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.resolve(values.out ?? path.join('backups', `base-${stamp}`));
await mkdir(path.dirname(out), { recursive: true });
const started = performance.now();
try {
  await baseBackup(url, out);
} catch (error) {
  process.stderr.write(`backup:base: ${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(
  `base backup in ${out} (verified) in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
    'keep it with the WAL archive; the deletion ledger (LEDGER_DIR) is backed up separately and never rolled back\n',
);
