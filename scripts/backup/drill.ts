/**
 * `npm run backup:drill` (ADR 0032, docs/operations.md): the restore drill in one command, on a
 * throw-away PostgreSQL 15 of its own.
 *
 * 1. initdb a primary on a free port (as the `postgres` OS user when run as root), with WAL
 *    archiving on; 2. migrate it and write applications (phase A); 3. pg_basebackup + verify;
 * 4. more applications (phase B), note the time, more (phase C), archive the WAL; 5. restore the
 * base backup into a new data directory with recovery to the noted time, on another port;
 * 6. check that A and B are there and C is not; print the timings.
 *
 * Options: --keep (leave the folder), --dir DIR (work there instead of a new temporary folder).
 * The last line of the output is the result as JSON.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { count, like } from 'drizzle-orm';
import { type DbHandle, openPostgres } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { applications, jobPostings, seekers } from '../../src/db/schema/index.ts';
import { seedDemoAccounts, seedJobs, seedOffices } from '../../src/demo/seed.ts';
import { insertApplication } from '../../src/modules/applications/applications.repository.ts';
import { toJobDetailView } from '../../src/modules/jobs/job-view.ts';
import { findJobById } from '../../src/modules/jobs/jobs.repository.ts';
import { tokyoDate } from '../../src/platform/dates.ts';
import {
  baseBackup,
  type Cluster,
  clusterAt,
  freePort,
  giveToServer,
  pg,
  prepareRestore,
  startCluster,
  stopCluster,
  writeSettings,
} from './pg-tools.ts';

const { values } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, dir: { type: 'string' } },
});

const timings: Record<string, number> = {};
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings[name] = Math.round(performance.now() - started);
  process.stdout.write(`  ${name.padEnd(44)} ${(timings[name] / 1000).toFixed(2).padStart(7)} s\n`);
  return result;
}

const PER_PHASE = { A: 20, B: 20, C: 5 } as const;
/** Each phase applies to jobs of its own (one active application per seeker and job). */
const OFFSET = { A: 0, B: 20, C: 40 } as const;

/** `n` applications of the demo seeker, their motivation naming the phase (what the check counts). */
async function writeApplications(handle: DbHandle, phase: keyof typeof PER_PHASE): Promise<void> {
  const db = handle.db;
  const [seeker] = await db.select({ id: seekers.id }).from(seekers).limit(1);
  const jobs = await db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .orderBy(jobPostings.id)
    .offset(OFFSET[phase])
    .limit(PER_PHASE[phase]);
  if (!seeker || jobs.length < PER_PHASE[phase])
    throw new Error('the drill database has no seeker or too few jobs');
  const now = new Date();
  for (const [i, { id }] of jobs.entries()) {
    const record = await findJobById(db, id);
    if (!record) throw new Error(`job ${id} vanished`);
    await insertApplication(db, {
      seekerId: seeker.id,
      jobId: id,
      employerId: record.job.employerId,
      route: 'direct',
      referralId: null,
      submitKey: crypto.randomUUID(),
      motivation: `drill ${phase} ${i + 1}`,
      remarks: '',
      jobSnapshot: JSON.parse(
        JSON.stringify({ takenAt: now.toISOString(), view: toJobDetailView(record, true, tokyoDate(now)) }),
      ),
      documentsByMypage: false,
      appliedAt: now,
    });
  }
}

async function countPhases(handle: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const phase of Object.keys(PER_PHASE)) {
    const [row] = await handle.db
      .select({ n: count() })
      .from(applications)
      .where(like(applications.motivation, `drill ${phase} %`));
    out[phase] = row?.n ?? 0;
  }
  return out;
}

/** Forces the current WAL segment into the archive and waits until the archiver has it. */
async function archiveNow(handle: DbHandle): Promise<void> {
  if (handle.kind !== 'postgres') throw new Error('PostgreSQL only');
  const { rows } = await handle.pool.query<{ wal: string }>('select pg_walfile_name(pg_switch_wal()) as wal');
  const wal = rows[0]!.wal;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows: a } = await handle.pool.query<{ last: string | null; failed: string | null }>(
      'select last_archived_wal as last, last_failed_wal as failed from pg_stat_archiver',
    );
    if (a[0]?.last && a[0].last >= wal) return;
    if (Date.now() > deadline)
      throw new Error(`WAL ${wal} not archived within 60 s (last failed: ${a[0]?.failed})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitPromoted(handle: DbHandle): Promise<void> {
  if (handle.kind !== 'postgres') throw new Error('PostgreSQL only');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await handle.pool.query<{ r: boolean }>('select pg_is_in_recovery() as r');
    if (!rows[0]!.r) return;
    if (Date.now() > deadline) throw new Error('the restored cluster did not finish recovery within 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = values.dir ? path.resolve(values.dir) : await mkdtemp(path.join(tmpdir(), 'hw-backup-drill-'));
  await mkdir(dir, { recursive: true });
  const archive = path.join(dir, 'wal-archive');
  const base = path.join(dir, 'base');
  await mkdir(archive);
  await giveToServer(dir);
  const primary: Cluster = clusterAt(path.join(dir, 'primary'), await freePort(), dir);
  let restored: Cluster | undefined;
  const handles: DbHandle[] = [];
  process.stdout.write(`backup drill in ${dir}\n`);
  try {
    await step('initdb primary', () =>
      pg('initdb', [
        '-D',
        primary.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]),
    );
    await writeSettings(primary.dataDir, {
      port: primary.port,
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      wal_level: 'replica',
      archive_mode: 'on',
      archive_command: `test ! -f "${archive}/%f" && cp "%p" "${archive}/%f"`,
      max_wal_senders: 4,
    });
    await step('start primary', () => startCluster(primary, path.join(dir, 'primary.log')));
    const db = await openPostgres(primary.url, 4);
    handles.push(db);
    await step('migrate + demo data', async () => {
      await migrate(db);
      await seedOffices(db.db);
      await seedDemoAccounts(db.db, new Date());
      await seedJobs(db.db, { total: 48, now: new Date() });
    });
    await step(`phase A: ${PER_PHASE.A} applications`, () => writeApplications(db, 'A'));
    await step('base backup (pg_basebackup + verify)', () => baseBackup(primary.url, base));
    await step(`phase B: ${PER_PHASE.B} applications`, () => writeApplications(db, 'B'));
    if (db.kind !== 'postgres') throw new Error('unreachable');
    const { rows } = await db.pool.query<{ t: string }>(
      `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t`,
    );
    const targetTime = rows[0]!.t;
    await step(`phase C: ${PER_PHASE.C} applications (after the target)`, () => writeApplications(db, 'C'));
    await step('archive WAL', () => archiveNow(db));
    const target = clusterAt(path.join(dir, 'restored'), await freePort(), dir);
    restored = target;
    await step('restore: copy base backup', () =>
      prepareRestore({
        base,
        archive,
        dataDir: target.dataDir,
        port: target.port,
        socketDir: dir,
        targetTime,
      }),
    );
    await step('restore: replay WAL to the target', async () => {
      await startCluster(target, path.join(dir, 'restored.log'));
      const r = await openPostgres(target.url, 2);
      handles.push(r);
      await waitPromoted(r);
    });
    const counts = await countPhases(handles.at(-1)!);
    const ok = counts.A === PER_PHASE.A && counts.B === PER_PHASE.B && counts.C === 0;
    const totalMs = Math.round(performance.now() - started);
    process.stdout.write(
      `restored to ${targetTime}: phase A ${counts.A}/${PER_PHASE.A}, B ${counts.B}/${PER_PHASE.B}, C ${counts.C} (expected 0) — ${ok ? 'OK' : 'FAILED'}; ${(totalMs / 1000).toFixed(1)} s in all\n`,
    );
    process.stdout.write(`${JSON.stringify({ ok, targetTime, counts, timingsMs: timings, totalMs, dir })}\n`);
    if (!ok) process.exitCode = 1;
  } finally {
    for (const h of handles) await h.close().catch(() => {});
    if (restored) await stopCluster(restored);
    await stopCluster(primary);
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`backup:drill: ${String((error as Error).message ?? error).slice(0, 2000)}\n`);
  process.exit(1);
});
