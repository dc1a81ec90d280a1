/**
 * The app as tests use it: real use cases on a fresh migrated database (PGlite, or PostgreSQL when
 * DATABASE_URL is set), real SMTP to an in-process mailbox, a fixed clock, real pg-boss jobs run on
 * demand with drain(), and uploaded files on disk in a temporary folder of the context's own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { createSmtpMailer } from '../../src/adapters/mail/smtp-mailer.ts';
import type { FileStorage } from '../../src/adapters/storage/file-storage.ts';
import type { VirusScanner } from '../../src/adapters/virus-scan/virus-scanner.ts';
import { createApp } from '../../src/app.ts';
import { buildDeps } from '../../src/compose.ts';
import { loadConfig } from '../../src/config.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { openPostgres } from '../../src/db/client.ts';
import type { Deps } from '../../src/deps.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createMemoryLogger } from '../../src/platform/logger.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { openTestDatabase } from './database.ts';
import { TestClient } from './http.ts';
import { type Mailbox, startMailbox } from './mailbox.ts';

/** 2026-11-21 10:00 in Tokyo. */
export const DEFAULT_NOW = '2026-11-21T01:00:00Z';

export interface TestContext {
  app: Hono<AppEnv>;
  deps: Deps;
  db: DbHandle['db'];
  clock: FixedClock;
  mailbox: Mailbox;
  logs: ReturnType<typeof createMemoryLogger>['lines'];
  /** Runs every queued background job (mail, …) now. */
  drain(): Promise<number>;
  /** A browser-like client with its own cookies; `ip` is the client address the app sees. */
  client(ip?: string): TestClient;
  /**
   * A second web process on the same database: its own composition (buildDeps) and app, with its own
   * pool and LISTEN connection on PostgreSQL; on PGlite (one process) it shares the handle.
   */
  sibling(): Promise<Sibling>;
  close(): Promise<void>;
}

export interface Sibling {
  app: Hono<AppEnv>;
  deps: Deps;
  client(ip?: string): TestClient;
  close(): Promise<void>;
}

export async function createTestContext(
  /**
   * `virusScanner`: e.g. a real clamd's (tests/support/clamd.ts); default: none (every scan fails closed).
   * `storage`: another file storage (a fault-injecting wrapper); default: the disk in a folder of its own.
   * `rawLog`: sees every log line exactly as the app writes it (one JSON object per line).
   */
  options: {
    now?: string;
    env?: Record<string, string>;
    virusScanner?: VirusScanner;
    rawLog?: (line: string) => void;
    storage?: FileStorage;
  } = {},
): Promise<TestContext> {
  const clock = new FixedClock(options.now ?? DEFAULT_NOW);
  const mailbox = await startMailbox();
  const dbHandle = await openTestDatabase();
  // Uploaded files go to a folder of this context's own, removed by close().
  const storageDir = await mkdtemp(path.join(tmpdir(), 'hw-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'http://localhost',
    SMTP_URL: mailbox.url,
    MAIL_FROM: 'ハローワークインターネットサービス <system@example.jp>',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'debug',
    STORAGE_DIR: storageDir,
    LEDGER_DIR: `${storageDir}-ledger`,
    ...options.env,
  });
  const logger = createMemoryLogger(options.rawLog);
  const mailer = createSmtpMailer(mailbox.url, config.mail.from);
  // The same composition as the entries, with this test's clock, mailbox, database and logger.
  // The database is a migrated copy of the template (global-setup.ts built it with buildDeps too).
  const built = await buildDeps(config, {
    dbHandle,
    migrate: false,
    clock,
    logger,
    mailer,
    virusScanner: options.virusScanner,
    storage: options.storage,
  });
  const { deps } = built;
  const app = createApp(deps);
  return {
    app,
    deps,
    db: dbHandle.db,
    clock,
    mailbox,
    logs: logger.lines,
    drain: () => deps.queue.drain(),
    client: (ip = '203.0.113.10') => new TestClient(app, ip),
    async sibling() {
      const handle = dbHandle.kind === 'postgres' ? await openPostgres(dbHandle.url, 4) : dbHandle;
      const other = await buildDeps(config, { dbHandle: handle, migrate: false, clock, logger, mailer });
      const otherApp = createApp(other.deps);
      return {
        app: otherApp,
        deps: other.deps,
        client: (ip = '203.0.113.20') => new TestClient(otherApp, ip),
        async close() {
          await other.close();
          if (handle !== dbHandle) await handle.close();
        },
      };
    },
    async close() {
      await built.close();
      await mailer.close();
      await mailbox.close();
      await dbHandle.close();
      await rm(storageDir, { recursive: true, force: true });
      await rm(`${storageDir}-ledger`, { recursive: true, force: true });
    },
  };
}
