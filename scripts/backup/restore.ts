/**
 * `npm run backup:restore -- --base DIR --archive DIR --data NEWDIR [--target-time ISO] [--port N] [--start]`
 * (ADR 0032): a point-in-time restore into a new data directory. The base backup is copied, the
 * server is set to fetch WAL from the archive (restore_command) and to stop at --target-time (then
 * promote) or at the archive's end. With --start it is started (as the `postgres` OS user when run
 * as root) and waited for until recovery has finished. Then: point DATABASE_URL at it, run
 * `npm run cli -- reapply-erasures` (the deletion ledger), and start the app.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { clusterAt, freePort, prepareRestore, startCluster } from './pg-tools.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    archive: { type: 'string' },
    data: { type: 'string' },
    'target-time': { type: 'string' },
    port: { type: 'string' },
    start: { type: 'boolean', default: false },
  },
});
if (!values.base || !values.archive || !values.data) {
  process.stderr.write(
    'usage: npm run backup:restore -- --base DIR --archive DIR --data NEWDIR [--target-time 2026-12-02T21:00:00Z] [--port 5433] [--start]\n',
  );
  process.exit(1);
}
if (values['target-time'] && Number.isNaN(Date.parse(values['target-time']))) {
  process.stderr.write(`backup:restore: --target-time is not an ISO 8601 time: ${values['target-time']}\n`);
  process.exit(1);
}
const port = values.port ? Number(values.port) : await freePort();
const dataDir = path.resolve(values.data);
const started = performance.now();
try {
  await prepareRestore({
    base: path.resolve(values.base),
    archive: path.resolve(values.archive),
    dataDir,
    port,
    socketDir: dataDir,
    ...(values['target-time'] ? { targetTime: values['target-time'] } : {}),
  });
  process.stdout.write(`data directory ${dataDir} ready to recover on port ${port}\n`);
  if (values.start) {
    const cluster = clusterAt(dataDir, port, dataDir);
    await startCluster(cluster, path.join(dataDir, 'restore.log'));
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      for (;;) {
        const { rows } = await client.query<{ r: boolean }>('select pg_is_in_recovery() as r');
        if (!rows[0]!.r) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await client.end();
    }
    process.stdout.write(
      `restored and promoted in ${((performance.now() - started) / 1000).toFixed(1)} s: ${cluster.url}\n` +
        `next: DATABASE_URL=${cluster.url} npm run cli -- reapply-erasures\n`,
    );
  }
} catch (error) {
  process.stderr.write(`backup:restore: ${(error as Error).message}\n`);
  process.exit(1);
}
