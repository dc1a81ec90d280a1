/**
 * The one composition (ADR 0001): `buildDeps(config, overrides)` builds every port the app, the
 * worker, the CLI and the tests use: logger, database (opened here or handed in), migrations, clock,
 * mailer, queue with its job definitions, secret, password checker, live events and the live feed, virus scanner and file storage. Entries call
 * it through `boot()`; tests call it with their own clock, mailbox mailer, database and logger.
 *
 * Ownership: `close()` closes what buildDeps built. A database handle or a mailer passed in as an
 * override stays the caller's to close (global setup dumps its database after the queue stopped).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertLedgerWritable, createFileLedger } from './adapters/ledger/deletion-ledger.ts';
import { createCaptureMailer } from './adapters/mail/capture-mailer.ts';
import type { Mailer } from './adapters/mail/mailer.ts';
import { createSmtpMailer } from './adapters/mail/smtp-mailer.ts';
import { createDiskStorage } from './adapters/storage/disk-storage.ts';
import type { FileStorage } from './adapters/storage/file-storage.ts';
import { createClamdScanner } from './adapters/virus-scan/clamd-scanner.ts';
import { createUnavailableScanner } from './adapters/virus-scan/unavailable-scanner.ts';
import type { VirusScanner } from './adapters/virus-scan/virus-scanner.ts';
import type { Config } from './config.ts';
import { type DbHandle, openPglite, openPostgres } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { unpackPgliteTemplate } from './db/pglite-template.ts';
import { redactPostgresUrl } from './db/postgres-url.ts';
import { createReadReplica, type ReadReplica } from './db/read-replica.ts';
import { reportServerSettings } from './db/server-settings.ts';
import type { Deps } from './deps.ts';
import { jobDefinitions } from './jobs.ts';
import { liveSessionIds } from './modules/accounts/live-sessions.ts';
import { loadPasswordChecker, type PasswordChecker } from './modules/accounts/password-policy.ts';
import { createLiveEvents } from './modules/notifications/live-events.ts';
import { createLiveFeed } from './modules/notifications/live-feed.ts';
import { queueCounts, replicationLag } from './modules/operations/operations.repository.ts';
import { countLiveWorkers } from './modules/operations/readiness.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { StartupError } from './platform/errors.ts';
import { createLifecycle } from './platform/lifecycle.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createMetrics, type MetricSources } from './platform/metrics.ts';
import { lockDataDir } from './platform/pglite-lock.ts';
import { createQueue } from './platform/queue.ts';

export interface BuildOverrides {
  /** An open database (tests: a migrated copy of the template). Not closed by `close()`. */
  dbHandle?: DbHandle;
  /** Apply the migrations before anything else (default true; a test copy of the template is migrated). */
  migrate?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** Tests: SMTP to their in-process mailbox. Not closed by `close()`. */
  mailer?: Mailer;
  passwords?: PasswordChecker;
  /** Another file storage (a test double). Default: from config (createFileStorage). Not closed by `close()`. */
  storage?: FileStorage;
  secret?: string;
  /** Run cron schedules and supervision in the queue (the worker role). Default false. */
  schedule?: boolean;
  /** Tests: a clamd they started, or a double. Default: from config (createVirusScanner). */
  virusScanner?: VirusScanner;
  /** Node's own metrics (CPU, memory, event loop, GC) in the registry; the entries turn them on. */
  processMetrics?: boolean;
  /** Check the read replica every REPLICA_CHECK_INTERVAL_MS (default true; tests may call check() themselves). */
  replicaChecks?: boolean;
}

export interface Composition {
  deps: Deps;
  /** Only the mail job sends mail; the mailer is not in Deps, so no route or use case can bypass notify. */
  mailer: Mailer;
  /** Milliseconds the slow steps of start-up took (database, migrations, passwords, queue), for the `ready` log line. */
  startup: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

export async function buildDeps(config: Config, overrides: BuildOverrides = {}): Promise<Composition> {
  const cleanup: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  };
  const startup: Record<string, number> = {};
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      startup[step] = Math.round(performance.now() - started);
    }
  };
  try {
    const logger = overrides.logger ?? createLogger(config.logLevel);
    const dbHandle = overrides.dbHandle ?? (await timed('database', () => openDatabase(config)));
    if (!overrides.dbHandle) cleanup.push(() => dbHandle.close());
    if (overrides.migrate ?? true) await timed('migrations', () => migrate(dbHandle));
    if (config.database.kind !== 'pglite' && !overrides.dbHandle)
      await reportServerSettings(dbHandle.db, logger);
    const clock = overrides.clock ?? systemClock;
    const mailer = overrides.mailer ?? createMailer(config, dbHandle, clock);
    if (!overrides.mailer) cleanup.push(() => mailer.close());
    const secret = overrides.secret ?? config.sessionSecret ?? (await developmentSecret(config));
    const passwords = overrides.passwords ?? (await timed('passwords', () => loadPasswordChecker(config)));
    const virusScanner = overrides.virusScanner ?? createVirusScanner(config);
    if (!overrides.virusScanner) await reportScanner(config, virusScanner, logger);
    const storage = overrides.storage ?? (await openFileStorage(config, logger, cleanup));
    await assertLedgerWritable(config.ledgerDir);
    const ledger = createFileLedger(config.ledgerDir);
    // Node's process metrics are sampled by timers: only for the processes the entries start.
    const metrics = createMetrics(logger, { processMetrics: overrides.processMetrics ?? false });
    const jobs = jobDefinitions({
      dbHandle,
      clock,
      logger,
      config,
      mailer,
      virusScanner,
      storage,
      secret,
      metrics,
      ledger,
    });
    const queue = await timed('queue', () =>
      createQueue(dbHandle, jobs, logger, {
        schedule: overrides.schedule ?? false,
        onRun: metrics.observeJob,
      }),
    );
    cleanup.push(() => queue.stop({ timeoutMs: config.shutdownGraceMs }));
    const liveEvents = createLiveEvents(dbHandle, { logger });
    cleanup.push(() => liveEvents.close());
    const liveFeed = createLiveFeed({
      db: dbHandle.db,
      liveEvents,
      logger,
      heartbeatMs: config.live.heartbeatMs,
      liveSessions: (ids) => liveSessionIds({ db: dbHandle.db, clock }, ids),
    });
    cleanup.push(() => liveFeed.close());
    const readReplica = config.readReplica
      ? createReadReplica({ ...config.readReplica, logger, schedule: overrides.replicaChecks ?? true })
      : null;
    if (readReplica) cleanup.push(() => readReplica.close());
    metrics.setSources(metricSources(dbHandle, config, liveFeed.size, readReplica));
    const deps: Deps = {
      config,
      dbHandle,
      db: dbHandle.db,
      clock,
      logger,
      queue,
      secret,
      passwords,
      liveEvents,
      virusScanner,
      storage,
      liveFeed,
      metrics,
      lifecycle: createLifecycle(),
      ledger,
      readReplica,
    };
    return { deps, mailer, startup, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/** What the scrape-time gauges read (ADR 0028): this process's streams and pool, and the cluster's queue, workers and replication. */
function metricSources(
  dbHandle: DbHandle,
  config: Config,
  sseConnections: () => number,
  readReplica: ReadReplica | null = null,
): MetricSources {
  const db = dbHandle.db;
  return {
    sseConnections,
    // PGlite is one connection in this process: nothing waits for another.
    pool: () =>
      dbHandle.kind === 'postgres'
        ? {
            total: dbHandle.pool.totalCount,
            idle: dbHandle.pool.idleCount,
            waiting: dbHandle.pool.waitingCount,
            max: config.database.kind === 'postgres' ? config.database.poolMax : dbHandle.pool.totalCount,
          }
        : { total: 1, max: 1 },
    queue: () => queueCounts(db),
    workersAlive: () => countLiveWorkers({ db, config }),
    // An embedded database has no replication. With DATABASE_READ_URL the standby gauge is the lag
    // the replica check last measured (ADR 0031), absent while the standby does not answer.
    ...(dbHandle.kind === 'postgres'
      ? {
          replication: async () => {
            const lag = await replicationLag(db);
            if (!readReplica) return lag;
            const { lagMs } = readReplica.status();
            return { ...lag, standbyLagSeconds: lagMs === null ? null : lagMs / 1000 };
          },
        }
      : {}),
  };
}

export function createMailer(config: Config, dbHandle: DbHandle, clock: Clock): Mailer {
  return config.mail.smtpUrl
    ? createSmtpMailer(config.mail.smtpUrl, config.mail.from)
    : createCaptureMailer(dbHandle.db, clock);
}

/**
 * The file storage STORAGE_URL names (ADR 0037): an S3-compatible bucket, whose client `cleanup`
 * closes, reported at start (a bucket that does not answer is a warning, not a stop: the app runs
 * and uploads fail until it does); without it the disk under STORAGE_DIR, which needs no closing.
 */
export async function openFileStorage(
  config: Config,
  logger: Logger,
  cleanup: (() => Promise<void>)[],
): Promise<FileStorage> {
  if (!config.objectStorage) return createDiskStorage(config.storageDir);
  // The S3 client (the AWS SDK) loads only when a bucket is configured.
  const { createS3Storage } = await import('./adapters/storage/s3-storage.ts');
  const storage = createS3Storage(config.objectStorage);
  cleanup.push(async () => storage.close());
  const { bucket, prefix, endpoint } = config.objectStorage;
  const where = { storage: `s3://${bucket}/${prefix}`, endpoint: endpoint ?? 'AWS S3' };
  try {
    await storage.probe();
    logger.info('documents are stored in the bucket', where);
  } catch (error) {
    logger.warn('the document bucket does not answer: uploads and downloads fail until it does', {
      ...where,
      error: (error as Error).name,
    });
  }
  return storage;
}

/** clamd when configured (or defaulted in development); otherwise a scanner that always fails closed. */
export function createVirusScanner(config: Config): VirusScanner {
  if (!config.clamd) return createUnavailableScanner('CLAMD_HOST is not set');
  const { host, port, timeoutMs } = config.clamd;
  return createClamdScanner({ host, port, timeoutMs });
}

/**
 * One line at start about the development default 127.0.0.1:3310 (ADR 0020): a warning when it
 * does not answer, so nobody wonders why documents stay 確認中.
 * A configured clamd that is down is not a start-up error: scans retry until it answers.
 */
async function reportScanner(config: Config, scanner: VirusScanner, logger: Logger): Promise<void> {
  // Without clamd (tests only: production requires CLAMD_HOST) there is nothing to check.
  if (scanner.kind === 'unavailable' || config.clamd?.source !== 'default') return;
  const where = `${config.clamd.host}:${config.clamd.port}`;
  if (await scanner.ping()) logger.info('virus scanning with clamd', { clamd: where });
  else {
    logger.warn(
      'no clamd answers at the development default; documents stay pending (確認中) and are not delivered until one does (set CLAMD_HOST)',
      { clamd: where },
    );
  }
}

async function openDatabase(config: Config): Promise<DbHandle> {
  if (config.database.kind === 'pglite') {
    const release = await lockDataDir(config.dataDir);
    // A new data directory starts from the template npm install built, if there is one.
    await unpackPgliteTemplate(config.database.dataDir);
    const handle = await openPglite({ dataDir: config.database.dataDir });
    return {
      ...handle,
      async close() {
        await handle.close();
        release();
      },
    };
  }
  try {
    return await openPostgres(config.database.url, config.database.poolMax);
  } catch (error) {
    const where = redactPostgresUrl(config.database.url);
    throw new StartupError(`cannot connect to PostgreSQL at ${where}: ${(error as Error).message}`);
  }
}

/** Outside production a secret is generated once per data directory, so restarts keep sessions. */
async function developmentSecret(config: Config): Promise<string> {
  const file = path.join(config.dataDir, 'session-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}
