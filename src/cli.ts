/**
 * Operator commands: `npm run cli -- <command> [options]`.
 *
 *   migrate                         apply database migrations
 *   seed [--jobs N] [--no-demo]     write offices, the demo accounts and N generated jobs
 *   search:reindex                  rebuild every job's search row (after an index change)
 *   staff:create --email E --name N --office NNNNN
 *                                   create a staff account; the password is read from the
 *                                   STAFF_PASSWORD variable or asked for on the terminal
 *   reapply-erasures                after a restore: erase again what the deletion ledger
 *                                   (LEDGER_DIR) says was erased (ADR 0032)
 */
import { parseArgs } from 'node:util';
import { boot, runEntry } from './boot.ts';
import { analyzeTables } from './db/client.ts';
import { type IndexProgress, watchIndexBuild } from './db/index-progress.ts';
import { copyWriter } from './demo/bulk-writers.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts, seedJobs, seedOffices } from './demo/seed.ts';
import { findAccountByEmail } from './modules/accounts/accounts.repository.ts';
import { createStaffAccount } from './modules/accounts/create-staff-account.ts';
import { reapplyErasures } from './modules/applications/reapply-erasures.ts';
import { reindexAllJobs } from './modules/search/reindex-job.ts';
import { createSearchIndex, dropSearchIndex } from './modules/search/search.repository.ts';
import { StartupError } from './platform/errors.ts';
import { progressBar } from './platform/progress.ts';

const [command, ...rest] = process.argv.slice(2);

await runEntry(`cli ${command ?? ''}`.trim(), async () => {
  switch (command) {
    case 'migrate':
      return migrateCommand();
    case 'seed':
      return seedCommand(rest);
    case 'search:reindex':
      return reindexCommand();
    case 'staff:create':
      return staffCreateCommand(rest);
    case 'reapply-erasures':
      return reapplyErasuresCommand();
    default:
      throw new StartupError(
        `unknown command "${command ?? ''}". Commands: migrate, seed, search:reindex, staff:create, reapply-erasures`,
      );
  }
});

async function migrateCommand() {
  const booted = await boot();
  booted.deps.logger.info('migrations applied', { database: booted.deps.dbHandle.kind });
  await booted.close();
}

async function reindexCommand() {
  const booted = await boot();
  const { db, clock, logger } = booted.deps;
  const started = performance.now();
  const result = await reindexAllJobs(db, clock.now());
  await analyzeTables(db, ['job_search']);
  logger.info('search index rebuilt', {
    ...result,
    seconds: Math.round((performance.now() - started) / 1000),
  });
  await booted.close();
}

async function reapplyErasuresCommand() {
  const booted = await boot();
  try {
    const { db, storage, ledger, logger } = booted.deps;
    const result = await reapplyErasures({ db, storage, ledger });
    logger.info('deletion ledger re-applied', { ledgerDir: ledger.dir, ...result });
  } finally {
    await booted.close();
  }
}

async function seedCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      jobs: { type: 'string', default: '2000' },
      'no-demo': { type: 'boolean', default: false },
      // Without readings of the text (ADR 0035): only to measure what the readings cost.
      'no-readings': { type: 'boolean', default: false },
    },
  });
  const total = Number(values.jobs);
  if (!Number.isInteger(total) || total < 0) throw new StartupError('--jobs must be a whole number');
  const booted = await boot();
  const { db, clock, logger, dbHandle } = booted.deps;
  const now = clock.now();
  await seedOffices(db);
  if (!values['no-demo'] && !(await findAccountByEmail(db, 'staff', DEMO_ACCOUNTS.staff.email))) {
    await seedDemoAccounts(db, now);
    logger.info('demo accounts written');
  }
  const bulk = total >= 50_000;
  if (bulk) await dropSearchIndex(db);
  const bar = progressBar('jobs', total);
  const started = performance.now();
  await seedJobs(db, {
    total,
    now,
    batchSize: bulk ? 5000 : 1000,
    parallel: dbHandle.kind === 'postgres' ? 2 : 1,
    ...(dbHandle.kind === 'postgres' ? { writer: copyWriter(dbHandle.pool) } : {}),
    readings: !values['no-readings'],
    onProgress: (p) => bar.update(p.done),
  });
  bar.finish();
  const loadSeconds = (performance.now() - started) / 1000;
  if (bulk) process.stderr.write('building search indexes …\n');
  const t = performance.now();
  const stopWatching =
    dbHandle.kind === 'postgres' && bulk ? watchIndexBuild(dbHandle.pool, indexPhaseBars()) : null;
  try {
    // Also after a small load: an earlier bulk run that was interrupted may have left it dropped.
    await createSearchIndex(db, dbHandle.kind === 'postgres' ? '1GB' : undefined);
  } finally {
    await stopWatching?.();
  }
  const indexSeconds = (performance.now() - t) / 1000;
  await analyzeTables(db, ['job_postings', 'job_search']);
  logger.info('seeded', {
    jobs: total,
    loadSeconds: Math.round(loadSeconds),
    rowsPerSecond: Math.round(total / Math.max(loadSeconds, 0.001)),
    indexSeconds: Math.round(indexSeconds),
  });
  await booted.close();
}

/** One progress bar per phase of the index build (scanning the table, loading the tree …). */
function indexPhaseBars(): (p: IndexProgress) => void {
  let current: { phase: string; bar: ReturnType<typeof progressBar> } | null = null;
  return (p) => {
    if (current?.phase !== p.phase) {
      current?.bar.finish();
      current = { phase: p.phase, bar: progressBar(`index: ${p.phase}`, p.total) };
    }
    current.bar.update(p.done);
  };
}

async function staffCreateCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, office: { type: 'string' } },
  });
  if (!values.email || !values.name || !values.office) {
    throw new StartupError('usage: staff:create --email E --name "氏名" --office NNNNN');
  }
  const password = process.env.STAFF_PASSWORD ?? (await askHidden('Password: '));
  const booted = await boot();
  try {
    const result = await createStaffAccount(booted.deps, {
      email: values.email,
      name: values.name,
      officeCode: values.office,
      password,
    });
    if (!result.ok) throw new StartupError(`staff account not created: ${result.problems.join(', ')}`);
    booted.deps.logger.info('staff account created', { email: values.email, office: values.office });
  } finally {
    await booted.close();
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new StartupError('no terminal to ask for the password: set STAFF_PASSWORD');
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (ch: string) => {
      if (ch === '\r' || ch === '\n' || ch === '\u0004') {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stderr.write('\n');
        resolve(value);
      } else if (ch === '\u0003') {
        process.exit(130);
      } else if (ch === '\u007f') {
        value = value.slice(0, -1);
      } else {
        value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
