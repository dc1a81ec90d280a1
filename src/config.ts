/**
 * The only module that reads process.env. Every setting is parsed once, at boot, into a typed
 * Config; a bad value stops start-up with one line naming the variable (ConfigError).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { S3StorageSettings } from './adapters/storage/s3-storage.ts';
import { parsePostgresUrl } from './db/postgres-url.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** One host or several (`postgres://h1:p1,h2:p2/db?target_session_attrs=read-write`, ADR 0030). */
const postgresUrl = z.string().superRefine((v, ctx) => {
  try {
    parsePostgresUrl(v);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const positiveInt = z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).optional(),
  BASE_URL: url(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: positiveInt.default(10),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('ハローワークインターネットサービス <no-reply@localhost>'),
  CLAMD_HOST: z.string().min(1).optional(),
  CLAMD_PORT: port.default(3310),
  CLAMD_TIMEOUT_MS: positiveInt.default(30_000),
  STORAGE_DIR: z.string().min(1).optional(),
  STORAGE_URL: z.string().min(1).optional(),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  UPLOAD_SPOOL_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: z.enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' }).default('auto'),
  SEED_JOBS: positiveInt.default(600),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  PASSWORD_POLICY: z.enum(['seed', 'nist'], { message: 'must be seed or nist' }).default('seed'),
  COMMON_PASSWORDS_FILE: z.string().min(1).optional(),
  REGISTRATION_WARNING_DAYS: positiveInt.default(7),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  REFERRAL_APPLY_DAYS: positiveInt.default(7),
  REFERRAL_COUNSELLING_DAYS: positiveInt.default(90),
  LIVE_HEARTBEAT_MS: positiveInt.default(25_000),
  DOCUMENT_RETENTION_MONTHS: positiveInt.max(24, 'must be between 1 and 24').default(3),
  MESSAGE_HOLD_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(86_400, 'must be at most 86400 (a day)')
    .default(300),
  SHUTDOWN_GRACE_MS: positiveInt.max(600_000, 'must be at most 600000 (ten minutes)').default(10_000),
  REQUEST_TIMEOUT_MS: positiveInt
    .min(1000, 'must be at least 1000 (a second)')
    .max(3_600_000, 'must be at most 3600000 (an hour)')
    .default(120_000),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  METRICS_PORT: port.optional(),
  WORKER_HEARTBEAT_MS: positiveInt.min(1000, 'must be at least 1000').default(15_000),
  LEDGER_DIR: z.string().min(1).optional(),
  DATABASE_READ_URL: url(['postgres:', 'postgresql:']).optional(),
  REPLICA_MAX_LAG_MS: positiveInt.default(5000),
  REPLICA_CHECK_INTERVAL_MS: positiveInt.min(100, 'must be at least 100').default(2000),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string | undefined;
  baseUrl: string;
  /** true when BASE_URL is https: cookies get Secure and the __Host- prefix, HSTS is sent. */
  secure: boolean;
  dataDir: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolMax: number };
  mail: { smtpUrl: string | undefined; from: string };
  /**
   * clamd for virus-scanning documents (SPEC AP-5, ADR 0020). CLAMD_HOST is required in production;
   * in development an unset CLAMD_HOST means clamd's standard 127.0.0.1:3310 (`source: 'default'`);
   * in tests it means no scanner (undefined): every scan fails closed and documents stay 確認中.
   */
  clamd: { host: string; port: number; timeoutMs: number; source: 'env' | 'default' } | undefined;
  /** The disk adapter's folder (STORAGE_DIR, default DATA_DIR/files); unused when objectStorage is set. */
  storageDir: string;
  /**
   * STORAGE_URL=s3://bucket/prefix (ADR 0037): documents in an S3-compatible bucket instead of on
   * disk, with the S3_* settings; undefined: the disk under storageDir.
   */
  objectStorage: S3StorageSettings | undefined;
  /**
   * Where uploaded files wait while they arrive and are checked (ADR 0019), one temporary file each,
   * removed when the request is done: UPLOAD_SPOOL_DIR, default the system's temporary folder.
   */
  spoolDir: string;
  sessionSecret: string | undefined;
  seedDemo: 'auto' | 'true' | 'false';
  seedJobs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  trustProxy: boolean;
  passwordPolicy: 'seed' | 'nist';
  commonPasswordsFile: string | undefined;
  registrationWarningDays: number;
  /** Largest request body read for a form (413 past it, chunked bodies too); uploads set their own. */
  bodyLimitBytes: number;
  /**
   * オンラインハローワーク紹介 (OR-2, OR-4): the default 応募期限日 is the sending day + applyDays
   * (Asia/Tokyo); a send is refused when the last 職業相談 is more than counsellingDays old.
   */
  referral: { applyDays: number; counsellingDays: number };
  /**
   * Live updates (ADR 0018): how often an open event stream gets a heartbeat comment and its session
   * is checked again (a stream of a session that ended elsewhere is closed then).
   */
  live: { heartbeatMs: number };
  /**
   * DR-1 (ADR 0022): an application's documents are erased at the end of the N-th month after the
   * month its job became 無効 (3 = 翌々々月末, seed 000; seed 001 says 翌々月末 = 2), if not earlier.
   */
  documentRetentionMonths: number;
  /**
   * MS-2 (ADR 0023): how long after 「応募」 nobody may write in the application's thread (it also
   * stays closed until every document is scanned).
   */
  messageHoldMs: number;
  /**
   * Graceful shutdown (ADR 0028): how long in-flight requests and the running job may take after
   * SIGTERM/SIGINT before connections are cut and the job is released for a retry.
   */
  shutdownGraceMs: number;
  /**
   * REQUEST_TIMEOUT_MS: how long a client may take to send its whole request, headers and body
   * (an upload of four 2 MB files included). Past it the server answers 408 and closes the
   * connection, so a body dripped a byte at a time cannot hold a connection (slowloris). The
   * headers alone get at most 60 s of it. Responses (event streams) are not limited by it.
   */
  requestTimeoutMs: number;
  /**
   * /metrics (ADR 0028). `token`: a Bearer token the scraper sends (METRICS_TOKEN); `port`: a separate
   * listener for /metrics, /healthz and /readyz (METRICS_PORT; the worker's only HTTP). `onMainPort`:
   * /metrics is answered on PORT too (with a token, or without one outside production when no port is
   * set). Production with neither: metrics are off (`enabled` false) and start-up says so.
   */
  metrics: { enabled: boolean; token: string | undefined; port: number | undefined; onMainPort: boolean };
  /** How often a worker records that it is alive (worker_heartbeats); stale after four intervals. */
  workerHeartbeatMs: number;
  /**
   * The deletion ledger (ADR 0032): append-only files of every erasure of document bytes, kept
   * outside the database (LEDGER_DIR, default DATA_DIR/ledger) and re-applied after a restore.
   */
  ledgerDir: string;
  /**
   * A streaming standby for anonymous public reads (DATABASE_READ_URL, ADR 0031): skipped when its
   * replay lag is over maxLagMs or it does not answer (checked every checkIntervalMs). PostgreSQL only.
   */
  readReplica: { url: string; maxLagMs: number; checkIntervalMs: number; poolMax: number } | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const secret = /SECRET|PASSWORD|TOKEN/.test(variable);
    throw new ConfigError(variable, describeIssue(issue, secret ? undefined : cleaned[variable]));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  if (e.NODE_ENV === 'production') {
    if (!e.SESSION_SECRET) throw new ConfigError('SESSION_SECRET', 'is required when NODE_ENV=production');
    if (!e.BASE_URL) throw new ConfigError('BASE_URL', 'is required when NODE_ENV=production');
    if (!e.SMTP_URL) throw new ConfigError('SMTP_URL', 'is required when NODE_ENV=production');
    if (!e.CLAMD_HOST) {
      throw new ConfigError(
        'CLAMD_HOST',
        'is required when NODE_ENV=production (documents are virus-scanned by clamd)',
      );
    }
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secure: baseUrl.startsWith('https:'),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    clamd: e.CLAMD_HOST
      ? { host: e.CLAMD_HOST, port: e.CLAMD_PORT, timeoutMs: e.CLAMD_TIMEOUT_MS, source: 'env' }
      : e.NODE_ENV === 'development'
        ? { host: '127.0.0.1', port: e.CLAMD_PORT, timeoutMs: e.CLAMD_TIMEOUT_MS, source: 'default' }
        : undefined,
    storageDir: path.resolve(e.STORAGE_DIR ?? path.join(dataDir, 'files')),
    objectStorage: objectStorageSettings(e),
    spoolDir: path.resolve(e.UPLOAD_SPOOL_DIR ?? tmpdir()),
    sessionSecret: e.SESSION_SECRET,
    seedDemo: e.SEED_DEMO,
    seedJobs: e.SEED_JOBS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    passwordPolicy: e.PASSWORD_POLICY,
    commonPasswordsFile: e.COMMON_PASSWORDS_FILE,
    registrationWarningDays: e.REGISTRATION_WARNING_DAYS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    referral: { applyDays: e.REFERRAL_APPLY_DAYS, counsellingDays: e.REFERRAL_COUNSELLING_DAYS },
    live: { heartbeatMs: e.LIVE_HEARTBEAT_MS },
    documentRetentionMonths: e.DOCUMENT_RETENTION_MONTHS,
    messageHoldMs: e.MESSAGE_HOLD_SECONDS * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    metrics: metricsSettings(e.NODE_ENV, e.METRICS_TOKEN, e.METRICS_PORT, e.PORT),
    workerHeartbeatMs: e.WORKER_HEARTBEAT_MS,
    ledgerDir: path.resolve(e.LEDGER_DIR ?? path.join(dataDir, 'ledger')),
    readReplica: readReplicaSettings(e),
  };
}

/**
 * STORAGE_URL as bucket and prefix: `s3://bucket` or `s3://bucket/some/prefix` (slashes at the ends
 * ignored). The bucket follows S3's naming rule (3–63 of a–z, 0–9, '.', '-'; a letter or digit at
 * each end); the prefix is path segments of S3's safe characters, none of them '.' or '..'.
 * Credentials never go in the URL. Throws an Error saying what is wrong.
 */
export function parseStorageUrl(value: string): { bucket: string; prefix: string } {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
  if (scheme === undefined) throw new Error('must be a URL such as s3://bucket/prefix');
  if (scheme.toLowerCase() !== 's3') {
    throw new Error(
      `has an unknown scheme "${scheme}:" (only s3:// is supported; unset it to store on disk)`,
    );
  }
  const match = /^s3:\/\/([^/?#]*)(\/[^?#]*)?$/i.exec(value);
  if (!match) throw new Error('must be s3://bucket/prefix, without ?query or #fragment');
  const bucket = match[1]!;
  if (bucket.includes('@') || bucket.includes(':')) {
    throw new Error(
      'must not carry credentials or a port (use S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_ENDPOINT)',
    );
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    throw new Error(
      `names a bucket "${bucket}" that is not a valid S3 bucket name (3–63 characters: a–z, 0–9, '.', '-')`,
    );
  }
  const segments = (match[2] ?? '').split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !/^[A-Za-z0-9!_.*'()-]+$/.test(segment)) {
      throw new Error(
        `has a prefix segment "${segment}" that is not allowed (letters, digits and !_.*'()- only)`,
      );
    }
  }
  return { bucket, prefix: segments.join('/') };
}

/** STORAGE_URL and the S3_* settings (ADR 0037); S3_* without STORAGE_URL is a mistake worth stopping for. */
function objectStorageSettings(e: z.output<typeof envSchema>): Config['objectStorage'] {
  if (!e.STORAGE_URL) {
    for (const variable of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (e[variable])
        throw new ConfigError(variable, 'is set but STORAGE_URL is not (documents would go to disk)');
    }
    return undefined;
  }
  let location: { bucket: string; prefix: string };
  try {
    location = parseStorageUrl(e.STORAGE_URL);
  } catch (error) {
    // A URL with '@' may hold a secret: it is not repeated in the log.
    const shown = e.STORAGE_URL.includes('@') ? '' : ` (got "${e.STORAGE_URL.slice(0, 80)}")`;
    throw new ConfigError('STORAGE_URL', `${(error as Error).message}${shown}`);
  }
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      e.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      'is required with the other (set both, or neither to use the SDK default credentials)',
    );
  }
  return {
    ...location,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
  };
}

/** DATABASE_READ_URL (ADR 0031): a standby of the DATABASE_URL primary; the embedded PGlite has none. */
function readReplicaSettings(e: z.output<typeof envSchema>): Config['readReplica'] {
  if (!e.DATABASE_READ_URL) return undefined;
  if (!e.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_READ_URL',
      'needs DATABASE_URL (PostgreSQL): the embedded PGlite has no standby to read from',
    );
  }
  if (e.DATABASE_READ_URL === e.DATABASE_URL) {
    throw new ConfigError('DATABASE_READ_URL', 'must differ from DATABASE_URL (it names the standby)');
  }
  return {
    url: e.DATABASE_READ_URL,
    maxLagMs: e.REPLICA_MAX_LAG_MS,
    checkIntervalMs: e.REPLICA_CHECK_INTERVAL_MS,
    poolMax: e.DATABASE_POOL_MAX,
  };
}

/**
 * Where /metrics is answered (ADR 0028): with METRICS_TOKEN on the main port (and the metrics port)
 * behind the Bearer token; with METRICS_PORT alone only on that port (to be firewalled); with neither,
 * openly on the main port in development and test, and nowhere in production.
 */
function metricsSettings(
  env: Config['env'],
  token: string | undefined,
  port: number | undefined,
  mainPort: number,
): Config['metrics'] {
  if (port !== undefined && port === mainPort) {
    throw new ConfigError('METRICS_PORT', `must differ from PORT (both ${port})`);
  }
  const enabled = token !== undefined || port !== undefined || env !== 'production';
  const onMainPort = token !== undefined || (port === undefined && env !== 'production');
  return { enabled, token, port, onMainPort };
}

function describeIssue(issue: z.core.$ZodIssue, value: string | undefined): string {
  const shown = value === undefined ? '' : ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map(String).join(', ')}${shown}`;
  }
  return `${issue.message}${shown}`;
}

/** Whether demo data (600 jobs and the demo accounts) should be written at start. */
export function shouldSeedDemo(config: Config): boolean {
  if (config.seedDemo === 'auto') return config.database.kind === 'pglite' && config.env !== 'production';
  return config.seedDemo === 'true';
}
